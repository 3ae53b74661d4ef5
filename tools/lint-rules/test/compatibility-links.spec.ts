/**
 * `docs/compatibility.md` is the one list of what the product keeps from the previous app and
 * where it differs on purpose; code and docs point to its items as
 * `docs/compatibility.md#<context>-<n>`. This spec keeps those pointers working: every pointer
 * in the repository's sources and docs names an anchor of the file, anchors are unique and
 * follow the naming scheme, and no file refers to the behaviour by a section mark or a bare
 * numbered quirk instead (such numbers clash between contexts and mean nothing to a reader).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const compatibilityPath = path.join(root, 'docs/compatibility.md');

const SCANNED_DIRS = ['apps', 'packages', 'tools', 'docs'];
const SCANNED_FILES = ['README.md'];
const SCANNED_EXTENSIONS = new Set(['.ts', '.tsx', '.md', '.cjs', '.mjs', '.js']);
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', 'tmp']);

const CONTEXTS = ['workspace', 'talk', 'quest', 'feedback', 'pack', 'storage', 'ipc'];
const ID = new RegExp(`^(?:${CONTEXTS.join('|')})-[1-9][0-9]*$`);
const ANCHOR = /<a id="([^"]+)"><\/a>/g;
const POINTER = /compatibility\.md#([A-Za-z0-9_-]+)/g;
const LOCAL_LINK = /\]\(#([A-Za-z0-9_-]+)\)/g;

/** What a file must not hold: the pattern, and what to write instead. */
const FORBIDDEN: [RegExp, string][] = [
  [new RegExp('\\u00a7', 'g'), 'a section mark'],
  [/\b[Qq]uirks? \d/g, 'a numbered quirk'],
  [/\bQ\d{1,2}\b/g, 'a numbered quirk'],
];

function sourceFiles(): string[] {
  const files: string[] = SCANNED_FILES.map((name) => path.join(root, name)).filter((file) => fs.existsSync(file));
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SCANNED_EXTENSIONS.has(path.extname(entry.name))) files.push(full);
    }
  };
  for (const dir of SCANNED_DIRS) {
    const full = path.join(root, dir);
    if (fs.existsSync(full)) walk(full);
  }
  return files;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

const compatibility = fs.readFileSync(compatibilityPath, 'utf8');
const anchors = [...compatibility.matchAll(ANCHOR)].map((match) => match[1] ?? '');
const anchorSet = new Set(anchors);
const files = sourceFiles();

describe('docs/compatibility.md', () => {
  it('has anchors named <context>-<n>, each once, each followed by its heading', () => {
    expect(anchors.length).toBeGreaterThan(0);
    expect(anchors.filter((id) => !ID.test(id))).toEqual([]);
    expect(anchors.filter((id, index) => anchors.indexOf(id) !== index)).toEqual([]);
    const unheaded = anchors.filter((id) => !compatibility.includes(`<a id="${id}"></a>\n### ${id} · `));
    expect(unheaded).toEqual([]);
  });

  it('links within itself only to its own anchors', () => {
    const broken = [...compatibility.matchAll(LOCAL_LINK)].map((match) => match[1] ?? '').filter((id) => !anchorSet.has(id));
    expect(broken).toEqual([]);
  });
});

describe('pointers to docs/compatibility.md', () => {
  it('finds the repository files to check', () => {
    expect(files).toContain(compatibilityPath);
    expect(files.length).toBeGreaterThan(100);
  });

  it('all name an anchor of the file', () => {
    const broken: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(POINTER)) {
        if (!anchorSet.has(match[1] ?? '')) broken.push(`${path.relative(root, file)}:${lineOf(text, match.index)}: #${match[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('replace section marks and numbered quirks everywhere', () => {
    const found: string[] = [];
    for (const file of files) {
      if (file === __filename) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const [pattern, what] of FORBIDDEN) {
        for (const match of text.matchAll(pattern)) {
          found.push(`${path.relative(root, file)}:${lineOf(text, match.index)}: ${what} ("${match[0]}"); link an item of docs/compatibility.md instead`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
