import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_SENTENCES } from '../../src/errors/error-sentences';
import { checkDesktopDocs, REPOSITORY_ROOT } from './check-desktop-docs';
import { findingLine } from '@lepupitre/testing';
import { ERROR_CODES_DOC, renderErrorCodesDoc } from './error-codes-doc';

/**
 * `npx nx run desktop:docs-check`: one line per finding on stderr, exit code 1 if any.
 * `--write-error-codes` (`npx nx run desktop:error-codes-doc`) regenerates docs/error-codes.md.
 */
if (process.argv.includes('--write-error-codes')) {
  writeFileSync(join(REPOSITORY_ROOT, ERROR_CODES_DOC), renderErrorCodesDoc(ERROR_SENTENCES));
  console.log(`wrote ${ERROR_CODES_DOC}`);
} else {
  const findings = checkDesktopDocs();
  for (const finding of findings) console.error(findingLine(finding));
  if (findings.length > 0) process.exitCode = 1;
  else console.log('docs-check: every IPC command, lepupitre command and error code is documented');
}
