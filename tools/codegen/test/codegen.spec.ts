import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DatabaseScope } from '@lepupitre/db-core';
import { generateSchemaSource } from '../src/generate-schema';
import { runCodegen, schemaFile } from '../src/main';
import { findSchemaProblems } from '../src/schema-guards';

const REPO = join(__dirname, '..', '..', '..');

describe('schema guards', () => {
  const good = `
export interface Talks {
  id: string;
  title: string;
}

export interface DB {
  talks: Talks;
}
`;

  it('accept complete types', () => {
    expect(findSchemaProblems(good, ['talks'])).toEqual([]);
  });

  it('catch a table that was not generated (codegen pointed at an empty database)', () => {
    expect(findSchemaProblems(good, ['talks', 'runs'])).toEqual(['table runs is missing from the generated types']);
    expect(findSchemaProblems('', ['talks'])).toEqual(['no DB interface was generated']);
  });

  it('catch a table with no columns and a column mapped to unknown', () => {
    const bad = `
export interface Empty {
}

export interface Talks {
  id: string;
  blob: unknown;
}

export interface DB {
  empty: Empty;
  talks: Talks;
}
`;
    expect(findSchemaProblems(bad, ['empty', 'talks'])).toEqual([
      'table empty was generated with no columns',
      'column talks.blob: unknown; maps to unknown',
    ]);
  });
});

describe('codegen --check', () => {
  let root: string;
  // kysely-codegen runs in a child process (seconds); its output is deterministic, so the
  // drift cases reuse one real generation per scope.
  const generated = new Map<DatabaseScope, string>();
  const memoized = (scope: DatabaseScope): string => {
    if (!generated.has(scope)) generated.set(scope, generateSchemaSource(scope));
    return generated.get(scope) as string;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'lepupitre-codegen-'));
    for (const scope of ['global', 'profile']) {
      mkdirSync(dirname(schemaFile(root, scope)), { recursive: true });
      copyFileSync(schemaFile(REPO, scope), schemaFile(root, scope));
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes when the committed types match a fresh run of the migrated schema', () => {
    const lines: string[] = [];
    expect(runCodegen(root, true, (l) => lines.push(l), memoized)).toBe(true);
    expect(lines).toEqual([
      'packages/db-core/src/schema/global-schema.ts is up to date',
      'packages/db-core/src/schema/profile-schema.ts is up to date',
    ]);
  });

  it('fails, naming the file and the first difference, when the committed types drift', () => {
    const file = schemaFile(root, 'profile');
    writeFileSync(file, readFileSync(file, 'utf8').replace('outline_md: string;', 'outline: string;'));
    const lines: string[] = [];
    expect(runCodegen(root, true, (l) => lines.push(l), memoized)).toBe(false);
    expect(lines[1]).toContain('profile-schema.ts differs from the migrated profile schema');
    expect(lines[1]).toContain('-   outline: string;');
    expect(lines[1]).toContain('+   outline_md: string;');
  });

  it('fails when a schema module is missing, and writes it in write mode', () => {
    rmSync(schemaFile(root, 'global'));
    expect(runCodegen(root, true, () => undefined, memoized)).toBe(false);
    expect(runCodegen(root, false, () => undefined, memoized)).toBe(true);
    expect(readFileSync(schemaFile(root, 'global'), 'utf8')).toBe(readFileSync(schemaFile(REPO, 'global'), 'utf8'));
  });
});
