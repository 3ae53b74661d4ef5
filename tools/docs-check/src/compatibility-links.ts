import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { DocFinding } from '@lepupitre/testing';

/**
 * `docs/compatibility.md` is the one list of what the product keeps from the previous app and
 * where it differs on purpose; code and docs point to its items as
 * `docs/compatibility.md#<context>-<n>`. These findings keep those pointers working: every
 * pointer in the repository's sources and docs names an anchor of the file, anchors are unique,
 * follow the naming scheme and head their item, and no file refers to the behaviour by a
 * section mark or a bare numbered quirk instead (such numbers clash between contexts and mean
 * nothing to a reader).
 */
export const COMPATIBILITY_DOC = 'docs/compatibility.md';

const SCANNED_DIRS = ['apps', 'packages', 'tools', 'docs'];
const SCANNED_FILES = ['README.md'];
const SCANNED_EXTENSIONS = new Set(['.ts', '.tsx', '.md', '.cjs', '.mjs', '.js', '.vue', '.html']);
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', 'tmp']);

const CONTEXTS = ['workspace', 'talk', 'quest', 'feedback', 'pack', 'storage', 'ipc'];
const ID = new RegExp(`^(?:${CONTEXTS.join('|')})-[1-9][0-9]*$`);
const ANCHOR = /<a id="([^"]+)"><\/a>/g;
const POINTER = /compatibility\.md#([A-Za-z0-9_-]+)/g;
const LOCAL_LINK = /\]\(#([A-Za-z0-9_-]+)\)/g;

/** What a file must not hold: the pattern, and what it is. */
const FORBIDDEN: readonly (readonly [RegExp, string])[] = [
  [new RegExp('\\u00a7', 'g'), 'a section mark'],
  [/\b[Qq]uirks? \d/g, 'a numbered quirk'],
  [/\bQ\d{1,2}\b/g, 'a numbered quirk'],
];

/** This file names the forbidden patterns itself. */
const SELF = 'tools/docs-check/src/compatibility-links.ts';

/** The repository-relative paths of the files whose pointers are checked. */
export function scannedFiles(root: string): string[] {
  const files = SCANNED_FILES.filter((name) => existsSync(join(root, name)));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && SCANNED_EXTENSIONS.has(extname(entry.name))) files.push(path);
    }
  };
  for (const dir of SCANNED_DIRS) if (existsSync(join(root, dir))) walk(dir);
  return files;
}

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

function anchorFindings(compatibility: string): DocFinding[] {
  const anchors = [...compatibility.matchAll(ANCHOR)].map((match) => match[1] ?? '');
  const findings: DocFinding[] = [];
  const add = (problem: string, fix: string): void => void findings.push({ doc: COMPATIBILITY_DOC, problem, fix });
  if (anchors.length === 0) add('no item anchors (`<a id="<context>-<n>"></a>`)', 'give every item an anchor above its heading');
  for (const id of anchors.filter((anchor) => !ID.test(anchor))) add(`anchor \`${id}\` is not named <context>-<n>`, `use one of ${CONTEXTS.join(', ')}, a dash and a number`);
  for (const id of new Set(anchors.filter((anchor, index) => anchors.indexOf(anchor) !== index))) add(`anchor \`${id}\` appears more than once`, 'give the second item the next free number');
  for (const id of anchors.filter((anchor) => !compatibility.includes(`<a id="${anchor}"></a>\n### ${anchor} · `))) {
    add(`anchor \`${id}\` is not followed by its heading`, `put \`### ${id} · <title>\` on the line after the anchor`);
  }
  const known = new Set(anchors);
  for (const match of compatibility.matchAll(LOCAL_LINK)) {
    if (!known.has(match[1] ?? '')) add(`line ${lineOf(compatibility, match.index)} links to \`#${match[1]}\`, which is not an anchor of the file`, 'link an existing item');
  }
  return findings;
}

export function compatibilityFindings(root: string): DocFinding[] {
  if (!existsSync(join(root, COMPATIBILITY_DOC))) {
    return [{ doc: COMPATIBILITY_DOC, problem: 'the file is missing', fix: 'restore it: code and docs point to its items' }];
  }
  const compatibility = readFileSync(join(root, COMPATIBILITY_DOC), 'utf8');
  const anchors = new Set([...compatibility.matchAll(ANCHOR)].map((match) => match[1] ?? ''));
  const findings = anchorFindings(compatibility);
  for (const file of scannedFiles(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(POINTER)) {
      if (!anchors.has(match[1] ?? '')) {
        findings.push({ doc: file, problem: `line ${lineOf(text, match.index)} points to \`${COMPATIBILITY_DOC}#${match[1]}\`, which is not an anchor there`, fix: 'point to an existing item, or add the item' });
      }
    }
    if (file === SELF) continue;
    for (const [pattern, what] of FORBIDDEN) {
      for (const match of text.matchAll(pattern)) {
        findings.push({ doc: file, problem: `line ${lineOf(text, match.index)} refers to ${what} ("${match[0]}")`, fix: `link an item of ${COMPATIBILITY_DOC} instead` });
      }
    }
  }
  return findings;
}

