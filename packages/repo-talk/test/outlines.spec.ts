import type { DatabaseHandle } from '@lepupitre/db-core';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { createProject, ensureTrainingProject, exportOutline, getOutline, setOutline, updateProject } from '../src';
import { expectCode } from './support/expect-code';
import { newProfile, removeProfiles, steppingClock, type TestProfile } from './support/profile';
import { countArtifacts, outlineRow, talkRow } from './support/queries';
import { rowOnColumns } from '@lepupitre/testing';

afterAll(removeProfiles);

let profile: TestProfile;
let db: DatabaseHandle;
let now: () => string;
beforeEach(() => {
  profile = newProfile();
  db = profile.db;
  now = steppingClock();
});
afterEach(() => db.close());

const TEMPLATE = (title: string) =>
  `# ${title}\n\n## Opening\n- Hook\n- Promise\n\n## Key points\n- Point 1\n- Point 2\n- Point 3\n\n## Closing\n- Summary\n- Call to action\n`;

describe('getOutline', () => {
  it('synthesises the default template from the current title without storing it', () => {
    const id = createProject(db, { title: 'Rust at scale' }, { now });
    expect(getOutline(db, id)).toEqual({ project_id: id, markdown: TEMPLATE('Rust at scale'), updated_at: null });
    updateProject(db, id, { title: 'Renamed', stage: 'draft' }, { now });
    expect(getOutline(db, id).markdown).toBe(TEMPLATE('Renamed'));
    expect(db.get(outlineRow, { projectId: id })).toBeUndefined();
  });

  it('returns the saved outline with its updated_at', () => {
    const id = createProject(db, { title: 'T' }, { now });
    setOutline(db, id, '# Mine', { now });
    expect(getOutline(db, id)).toEqual({ project_id: id, markdown: '# Mine', updated_at: '2026-03-01T10:00:00.002+00:00' });
  });

  it('works for the training project', () => {
    const training = ensureTrainingProject(db, { now });
    expect(getOutline(db, training).markdown).toBe(TEMPLATE('Training'));
  });

  it('refuses an unknown talk with project_not_found', () => {
    expectCode(() => getOutline(db, 'proj_missing'), 'project_not_found');
  });
});

describe('setOutline', () => {
  it('stores the text verbatim, keeps created_at, and leaves the talk untouched', () => {
    const id = createProject(db, { title: 'T' }, { now });
    setOutline(db, id, '  # First\r\n', { now });
    setOutline(db, id, '', { now });
    const stored = {
      project_id: id,
      outline_md: '',
      created_at: '2026-03-01T10:00:00.002+00:00',
      updated_at: '2026-03-01T10:00:00.003+00:00',
    };
    expect(rowOnColumns(db.get(outlineRow, { projectId: id }), stored)).toEqual(stored);
    expect(getOutline(db, id).markdown).toBe('');
    expect(db.get(talkRow, { id })?.updated_at).toBe('2026-03-01T10:00:00.001+00:00');
  });

  it('refuses an unknown talk with project_not_found', () => {
    expectCode(() => setOutline(db, 'proj_missing', '# x', { now }), 'project_not_found');
    expect(db.get(outlineRow, { projectId: 'proj_missing' })).toBeUndefined();
  });
});

describe('exportOutline', () => {
  it('writes the saved outline unchanged and returns the absolute path', () => {
    const id = createProject(db, { title: 'T' }, { now });
    setOutline(db, id, '# Été\n- point', { now });
    const { path } = exportOutline(db, profile.folder, id);
    expect(isAbsolute(path)).toBe(true);
    expect(path).toBe(join(profile.folder, 'exports', 'outline', `${id}.md`));
    expect(readFileSync(path, 'utf8')).toBe('# Été\n- point');
    expect(db.get(countArtifacts)?.n).toBe(0);
  });

  it('exports the default template when nothing was saved', () => {
    const id = createProject(db, { title: 'Plan' }, { now });
    expect(readFileSync(exportOutline(db, profile.folder, id).path, 'utf8')).toBe(TEMPLATE('Plan'));
  });

  it('replaces the previous export and leaves no temporary file', () => {
    const id = createProject(db, { title: 'T' }, { now });
    const folder = join(profile.folder, 'exports', 'outline');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${id}.md`), 'old export, much longer than the new one');
    setOutline(db, id, 'new', { now });
    exportOutline(db, profile.folder, id);
    expect(readdirSync(folder)).toEqual([`${id}.md`]);
    expect(readFileSync(join(folder, `${id}.md`), 'utf8')).toBe('new');
  });

  it('refuses an unknown talk before writing anything', () => {
    expectCode(() => exportOutline(db, profile.folder, 'proj_missing'), 'project_not_found');
    expect(existsSync(join(profile.folder, 'exports'))).toBe(false);
  });

  it('reports a folder that cannot be created as export_dir_failed', () => {
    const id = createProject(db, { title: 'T' }, { now });
    writeFileSync(join(profile.folder, 'exports'), 'a file where the folder should be');
    expectCode(() => exportOutline(db, profile.folder, id), 'export_dir_failed');
  });

  it('reports a target that cannot be replaced as export_write_failed', () => {
    const id = createProject(db, { title: 'T' }, { now });
    mkdirSync(join(profile.folder, 'exports', 'outline', `${id}.md`), { recursive: true });
    expectCode(() => exportOutline(db, profile.folder, id), 'export_write_failed');
    expect(readdirSync(join(profile.folder, 'exports', 'outline'))).toEqual([`${id}.md`]);
  });
});
