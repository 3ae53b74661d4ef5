import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findingLine } from '@lepupitre/testing';
import { COMPATIBILITY_DOC, compatibilityFindings, scannedFiles } from '../src/compatibility-links';
import { REPOSITORY_ROOT, TempRepository } from './temp-repository';

// Built from pieces, so that this file does not hold what the check refuses.
const SECTION_MARK = String.fromCharCode(0xa7);
const NUMBERED_QUIRK = ['Qu', 'irk 7'].join('');
const MISSING_ITEM = ['compatibility.md', 'talk-999'].join('#');

describe('pointers to docs/compatibility.md', () => {
  let repository: TempRepository;
  beforeEach(() => (repository = new TempRepository([COMPATIBILITY_DOC])));
  afterEach(() => repository.remove());

  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(repository.root, path)), { recursive: true });
    writeFileSync(join(repository.root, path), text);
  };

  it('scans the sources and docs of the repository, this file included', () => {
    const files = scannedFiles(REPOSITORY_ROOT);
    expect(files).toEqual(expect.arrayContaining([COMPATIBILITY_DOC, 'README.md', 'tools/docs-check/test/compatibility-links.spec.ts', 'apps/desktop/src/commands/audio.ts']));
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((file) => file.includes('node_modules'))).toEqual([]);
  });

  it('passes pointers to existing items and names one to a missing item with its line', () => {
    write('packages/repo-x/src/a.ts', `// Kept as before (docs/compatibility.md#talk-1).\n// See docs/${MISSING_ITEM}.\n`);
    expect(compatibilityFindings(repository.root).map(findingLine)).toEqual([
      `packages/repo-x/src/a.ts: line 2 points to \`docs/${MISSING_ITEM}\`, which is not an anchor there; point to an existing item, or add the item`,
    ]);
  });

  it('names a section mark and a numbered quirk in code and docs', () => {
    write('apps/desktop/src/b.ts', `// as in ${SECTION_MARK}4.2\n`);
    write('docs/c.md', `Kept for ${NUMBERED_QUIRK}.\n`);
    expect(compatibilityFindings(repository.root).map((finding) => [finding.doc, finding.problem])).toEqual([
      ['apps/desktop/src/b.ts', `line 1 refers to a section mark ("${SECTION_MARK}")`],
      ['docs/c.md', `line 1 refers to a numbered quirk ("${NUMBERED_QUIRK}")`],
    ]);
  });

  it('names a duplicate anchor, a badly named one and one without its heading', () => {
    repository.edit(COMPATIBILITY_DOC, (text) => `${text}\n<a id="talk-1"></a>\n### talk-1 · again\n\n<a id="misc-1"></a>\nno heading\n`);
    expect(compatibilityFindings(repository.root).map((finding) => finding.problem)).toEqual([
      'anchor `misc-1` is not named <context>-<n>',
      'anchor `talk-1` appears more than once',
      'anchor `misc-1` is not followed by its heading',
    ]);
  });
});
