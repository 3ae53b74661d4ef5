/**
 * The text edits that append a migration to the files listing a scope's history. Each edit is a
 * targeted insertion into the file as it stands (never a rewrite), and each fails loudly when the
 * file no longer has the shape it expects, rather than guessing.
 */
import type { DatabaseScope } from '@lepupitre/db-core';
import { PLACEHOLDER_MARK } from './migration-skeleton';

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.ts$/;

/** The next four-digit number after the migration files of a scope's folder. */
export function nextMigrationNumber(fileNames: readonly string[]): string {
  const numbers = fileNames.map((file) => MIGRATION_FILE.exec(file)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return String(Math.max(0, ...numbers) + 1).padStart(4, '0');
}

/** The scope's `index.ts` with the migration imported after the last one and appended to the list. */
export function appendToIndex(source: string, id: string, identifier: string): string {
  if (new RegExp(`\\b${identifier}\\b`).test(source)) {
    throw new Error(`the history index already uses the name ${identifier}: choose another migration name`);
  }
  const imports = [...source.matchAll(/^import \w+ from '\.\/\d{4}_[a-z0-9_]+';\n/gm)];
  const lastImport = imports[imports.length - 1];
  const list = /(export const \w+: readonly Migration\[\] = \[)([\s\S]*?)(\];)/.exec(source);
  if (!lastImport || lastImport.index === undefined || !list) {
    throw new Error('the history index no longer imports its migrations one per line into a `readonly Migration[]` list');
  }
  const items = list[2] as string;
  const appended = items.includes('\n') ? `${items}  ${identifier},\n` : `${items}, ${identifier}`;
  const withList = source.slice(0, list.index) + list[1] + appended + list[3] + source.slice(list.index + list[0].length);
  const at = lastImport.index + lastImport[0].length;
  return withList.slice(0, at) + `import ${identifier} from './${id}';\n` + withList.slice(at);
}

/** The checksum spec with the migration's line after the last shipped line of its scope. */
export function appendChecksumLine(spec: string, scope: DatabaseScope, id: string, checksum: string): string {
  const start = spec.indexOf('const SHIPPED');
  const end = spec.indexOf('\n];', start);
  if (start < 0 || end < 0) throw new Error('the checksum spec no longer has its SHIPPED list');
  const lines = [...spec.slice(start, end + 1).matchAll(new RegExp(`^  \\['${scope}', '[^\\n]*\\n`, 'gm'))];
  const last = lines[lines.length - 1];
  const at = last?.index !== undefined ? start + last.index + last[0].length : end + 1;
  return spec.slice(0, at) + `  ['${scope}', '${id}', '${checksum}'],\n` + spec.slice(at);
}

/**
 * The migrations doc with a stub row for the migration in the table of the migrations this app
 * appends, after the last row of its scope; the row says what is left to write.
 */
export function appendDocsRow(doc: string, scope: DatabaseScope, id: string): string {
  const heading = doc.indexOf('This app appends');
  if (heading < 0) throw new Error('the migrations doc no longer has its "This app appends" table');
  const lines = doc.slice(heading).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows = lines.slice(first).findIndex((line) => !line.startsWith('|'));
  const table = lines.slice(first, rows < 0 ? undefined : first + rows);
  if (first < 0 || table.length < 2) throw new Error('the migrations doc no longer has its "This app appends" table');
  const ofScope = table.map((line, i) => (line.startsWith(`| ${scope} |`) ? i : -1)).filter((i) => i >= 0);
  const after = ofScope.length > 0 ? (ofScope[ofScope.length - 1] as number) : scope === 'global' ? 1 : table.length - 1;
  const row = `| ${scope} | \`${id}\` | ${PLACEHOLDER_MARK} ${id}: what it changes |`;
  const before = lines.slice(0, first + after + 1).join('\n');
  return doc.slice(0, heading) + before + '\n' + row + '\n' + lines.slice(first + after + 1).join('\n');
}
