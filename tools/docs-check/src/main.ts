import { resolve } from 'node:path';
import { checkDocs } from './check-docs';
import { findingLine } from '@lepupitre/testing';

/** `npx nx run docs-check:docs-check`: one line per finding on stderr, exit code 1 if any. */
const findings = checkDocs(resolve(__dirname, '../../..'));
for (const finding of findings) console.error(findingLine(finding));
if (findings.length > 0) process.exitCode = 1;
else console.log('docs-check: every migration is documented; CI runs the targets of npm test');
