import type { Sentence } from '../../src/errors/locale';
import type { DocFinding } from '@lepupitre/testing';
import { tableFirstCells } from './table-first-cells';

export const ERROR_CODES_DOC = 'docs/error-codes.md';
export const REGENERATE_ERROR_CODES_DOC = 'npx nx run desktop:error-codes-doc';

/** A sentence as one table cell: a pipe would end the cell, a line break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/**
 * The error-code catalogue doc, generated from the error sentence catalogue so that the one
 * list of codes people read cannot drift from the one the product uses: every code, in the
 * catalogue's order, with its sentence in both languages.
 */
export function renderErrorCodesDoc(sentences: Readonly<Record<string, Sentence>>): string {
  const rows = Object.entries(sentences).map(([code, sentence]) => `| \`${code}\` | ${cell(sentence.en)} | ${cell(sentence.fr)} |`);
  return [
    '# Error codes',
    '',
    `<!-- Generated from apps/desktop/src/errors/error-sentences.ts by \`${REGENERATE_ERROR_CODES_DOC}\`; edit the catalogue, not this file. -->`,
    '',
    'Every code the app can report, through the IPC router, the local app host and its page, or the',
    'operator CLI, with the sentence shown beside it: what happened and what to do, in English and',
    'in French. The code is the contract that programs match; a sentence may be reworded at will',
    '(`docs/ipc-commands.md`, "The error shape"). Which call raises which code: the router\'s in',
    '`docs/ipc-commands.md`, the domain\'s lowercase codes per function in `docs/contexts/`, the',
    'CLI\'s in `docs/operator-cli.md`, the migration refusals in `docs/migrations.md`.',
    '',
    `\`npm test\` (\`docs-check\`) fails when this file and the catalogue differ; \`${REGENERATE_ERROR_CODES_DOC}\``,
    'rewrites it.',
    '',
    '| code | English | French |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/**
 * What keeps the committed doc from being the one the catalogue generates: each code it lacks or
 * lists beyond the catalogue by name, else a single finding for reworded sentences.
 */
export function errorCodesDocFindings(markdown: string | null, sentences: Readonly<Record<string, Sentence>>): DocFinding[] {
  const fix = `regenerate it with \`${REGENERATE_ERROR_CODES_DOC}\``;
  if (markdown === null) return [{ doc: ERROR_CODES_DOC, problem: 'the file is missing', fix }];
  const listed = new Set(tableFirstCells(markdown).flatMap((first) => /^`([^`]+)`$/.exec(first)?.slice(1) ?? []));
  const codes = Object.keys(sentences);
  const findings: DocFinding[] = [
    ...codes.filter((code) => !listed.has(code)).map((code) => ({ doc: ERROR_CODES_DOC, problem: `error code \`${code}\` is missing`, fix })),
    ...[...listed]
      .filter((code) => !codes.includes(code))
      .map((code) => ({ doc: ERROR_CODES_DOC, problem: `error code \`${code}\` is listed but the sentence catalogue has no such code`, fix })),
  ];
  if (findings.length === 0 && markdown !== renderErrorCodesDoc(sentences)) {
    findings.push({ doc: ERROR_CODES_DOC, problem: "the file differs from the sentence catalogue's rendering", fix });
  }
  return findings;
}
