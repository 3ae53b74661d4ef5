import { checkDocs } from '../src/check-docs';
import { findingLine } from '@lepupitre/testing';
import { REPOSITORY_ROOT, TempRepository } from './temp-repository';

const CHECKED = ['docs/migrations.md', 'package.json', '.github/workflows/ci.yml', 'docs/compatibility.md'];

describe('docs-check on the repository', () => {
  let repository: TempRepository;
  beforeEach(() => (repository = new TempRepository(CHECKED)));
  afterEach(() => repository.remove());

  it('passes on the committed files', () => {
    expect(checkDocs(REPOSITORY_ROOT).map(findingLine)).toEqual([]);
  });

  it('names an appended migration whose row was taken out of the migrations doc', () => {
    repository.edit('docs/migrations.md', (text) => text.replace(/^\| global \| `0004_name_blank_profiles` \|.*\n/m, ''));
    expect(checkDocs(repository.root).map(findingLine)).toEqual([
      'docs/migrations.md: global migration `0004_name_blank_profiles` is missing; add a row for it under "## The histories": `global` in the first cell, the id in backticks in the second, what it does in the third',
    ]);
  });

  it("names a previous app's migration taken out of its scope's list", () => {
    repository.edit('docs/migrations.md', (text) => text.replace('`0003_talk_training_flag`, ', ''));
    expect(checkDocs(repository.root).map((finding) => [finding.doc, finding.problem])).toEqual([
      ['docs/migrations.md', 'profile migration `0003_talk_training_flag` is missing'],
    ]);
  });

  it('fails when the CI workflow leaves out a target of npm test', () => {
    repository.edit('.github/workflows/ci.yml', (text) => text.replace(/(nx affected -t .*) docs-check\b/, '$1'));
    expect(checkDocs(repository.root).map((finding) => [finding.doc, finding.problem])).toEqual([
      ['.github/workflows/ci.yml', 'target `docs-check` of the test script of package.json is missing'],
    ]);
  });
});
