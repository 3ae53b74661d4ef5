import * as path from 'node:path';
import { RuleTester, type Rule } from 'eslint';
import { parser } from 'typescript-eslint';
import { rule } from './no-sql-in-command-layer';

const root = path.resolve('/repo');
const filename = path.join(root, 'apps/desktop/src/commands/talk.ts');
const nestedFilename = path.join(root, 'apps/desktop/src/commands/talk/list.ts');

const ruleTester = new RuleTester({
  languageOptions: { parser, ecmaVersion: 2022, sourceType: 'module' },
});

const valid = (code: string): RuleTester.ValidTestCase => ({ code, filename });
const invalid = (code: string, messageId: string, count = 1): RuleTester.InvalidTestCase => ({
  code,
  filename,
  errors: Array.from({ length: count }, () => ({ messageId })),
});

ruleTester.run('no-sql-in-command-layer', rule as unknown as Rule.RuleModule, {
  valid: [
    // Public APIs.
    valid("import { withWriteTransaction } from '@lepupitre/db-core';"),
    valid("import { createTalk, listTalks } from '@lepupitre/repo-talk';"),
    valid("import { z } from 'zod';"),
    valid("import { ok } from './result';"),
    valid("import { mapError } from '../errors';"),
    valid("export { createTalk } from '@lepupitre/repo-talk';"),
    valid("const repo = require('@lepupitre/repo-talk');"),
    valid("import type { Talk } from '@lepupitre/repo-talk';"),
    // Names that only resemble forbidden ones.
    valid("import { query } from './query';"),
    valid("import { x } from './queries-helpers';"),
    valid("import { x } from 'kysely-like';"),
    valid("import { x } from 'better-sqlite3-helpers';"),
    valid("import { x } from '@lepupitre/db-core-testing';"),
    { code: "import { x } from '../../../../packages/repo-talk/src/index';", filename: nestedFilename },
    // Ordinary English and identifiers.
    valid("const message = 'select a profile from the list';"),
    valid("const message = 'Select a profile from the list, then press Start.';"),
    valid("const message = 'Select one from the list';"),
    valid("const message = 'Please select your talk from the drop-down';"),
    valid("const message = 'Insert into the queue when ready';"),
    valid("const message = 'Could not delete from disk';"),
    valid("const message = 'Update your settings to continue';"),
    valid("const message = 'Create table of contents';"),
    valid("const message = 'Drop table the Tuesday meeting';"),
    valid("const message = 'Drop table of contents';"),
    valid("const message = 'Create index for the book';"),
    valid("const message = 'Begin immediately after the intro';"),
    valid("const message = `Select ${count} runs from the timeline`;"),
    valid("const message = 'Selected ' + count + ' items from ' + source;"),
    valid("const message = ['Select a talk', 'from the list'].join(' ');"),
    valid("const label = 'vacuum';"),
    valid("const kind = 'update';"),
    valid("const kind = 'DELETE';"),
    valid("const status = 'SELECTED';"),
    valid("const reason = 'The user deleted from the app the talk';"),
    valid("const message = String.raw`select the best take from your runs`;"),
    valid("const code = 'TALK_NOT_FOUND';"),
    valid("const message = `Talk ${id} not found`;"),
  ],
  invalid: [
    // Drivers and query builders.
    invalid("import Database from 'better-sqlite3';", 'driverImport'),
    invalid("import type { Database } from 'better-sqlite3';", 'driverImport'),
    invalid("import { Kysely, sql } from 'kysely';", 'driverImport'),
    invalid("import { SqliteDialect } from 'kysely/dist/cjs/dialect/sqlite/sqlite-dialect';", 'driverImport'),
    invalid("import * as k from 'kysely/helpers/sqlite';", 'driverImport'),
    invalid("const Database = require('better-sqlite3');", 'driverImport'),
    invalid("const k = await import('kysely');", 'driverImport'),
    invalid("export { sql } from 'kysely';", 'driverImport'),
    invalid("export * from 'better-sqlite3';", 'driverImport'),
    invalid("import Database = require('better-sqlite3');", 'driverImport'),
    invalid("type K = typeof import('kysely');", 'driverImport'),
    // Queries modules.
    invalid("import { talkQueries } from './queries';", 'queriesImport'),
    invalid("import { talkQueries } from './queries.ts';", 'queriesImport'),
    invalid("import { q } from '../talk/queries';", 'queriesImport'),
    invalid("import { q } from '../talk/queries/index';", 'queriesImport'),
    invalid("import { q } from '@lepupitre/repo-talk/src/queries';", 'queriesImport'),
    invalid("const q = require('@lepupitre/repo-quest/src/queries');", 'queriesImport'),
    // db-core internals.
    invalid("import { runCompiled } from '@lepupitre/db-core/src/execute';", 'dbCoreDeepImport'),
    invalid("import { x } from '@lepupitre/db-core/anything';", 'dbCoreDeepImport'),
    invalid("import { x } from '../../../../packages/db-core/src/execute';", 'dbCoreRelativeImport'),
    {
      code: "import { x } from '../../../../../packages/db-core/src/transactions/nested';",
      filename: nestedFilename,
      errors: [{ messageId: 'dbCoreRelativeImport' }],
    },
    // SQL text in literals.
    invalid("const sql = 'SELECT id, title FROM talk WHERE id = ?';", 'sqlText'),
    invalid("const sql = 'select * from talk';", 'sqlText'),
    invalid("const sql = 'select count(*) as n from run';", 'sqlText'),
    invalid("const sql = 'select t.id, t.title as name from talk t';", 'sqlText'),
    invalid("const sql = 'select id from talk';", 'sqlText'),
    invalid("const sql = 'INSERT INTO talk (id, title) VALUES (?, ?)';", 'sqlText'),
    invalid("const sql = 'insert or ignore into talk values (?)';", 'sqlText'),
    invalid("const sql = 'update talk set title = ? where id = ?';", 'sqlText'),
    invalid("const sql = 'delete from run where talk_id = ?';", 'sqlText'),
    invalid("const sql = 'DELETE FROM run';", 'sqlText'),
    invalid("const sql = 'create table if not exists note (id text primary key)';", 'sqlText'),
    invalid("const sql = 'CREATE INDEX run_talk ON run(talk_id)';", 'sqlText'),
    invalid("const sql = 'drop table note';", 'sqlText'),
    invalid("const sql = 'alter table note add column body text';", 'sqlText'),
    invalid("const sql = 'pragma foreign_keys = ON';", 'sqlText'),
    invalid("const sql = 'PRAGMA journal_mode';", 'sqlText'),
    invalid("const sql = 'begin immediate';", 'sqlText'),
    invalid("const sql = 'BEGIN TRANSACTION';", 'sqlText'),
    invalid("const sql = 'VACUUM';", 'sqlText'),
    invalid("const sql = 'vacuum into ?';", 'sqlText'),
    invalid("const sql = 'with recent as (select id from run) select * from recent';", 'sqlText'),
    invalid("const sql = 'rollback to savepoint sp1';", 'sqlText'),
    invalid("const sql = `\n  SELECT id\n  FROM talk\n  ORDER BY created_at\n`;", 'sqlText'),
    invalid("const sql = 'SELECT id FROM talk' as const;", 'sqlText'),
    invalid("run('SELECT id FROM talk');", 'sqlText'),
    // SQL assembled from pieces: one report for the whole.
    invalid("const sql = 'SELECT id ' + 'FROM talk ' + 'WHERE id = ?';", 'sqlText'),
    invalid("const sql = 'select id, title ' + 'from ' + table;", 'sqlText'),
    invalid("const sql = 'DELETE FROM ' + table + ' WHERE id = ?';", 'sqlText'),
    invalid("const sql = `select ${columns} from ${table} where id = ?`;", 'sqlText'),
    invalid("const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (?)`;", 'sqlText'),
    invalid("const sql = ['SELECT id', 'FROM talk', 'WHERE id = ?'].join(' ');", 'sqlText'),
    invalid("const sql = ['select', columns, 'from', table].join(' ');", 'sqlText'),
    invalid("const sql = ['update talk', 'set title = ?'].join('\\n');", 'sqlText'),
    invalid("const sql = String.raw`SELECT id FROM talk WHERE title LIKE '%\\_%' ESCAPE '\\'`;", 'sqlText'),
    invalid("const sql = String.raw`select ${a} from ` + table;", 'sqlText'),
    invalid("const sql = 'SELECT id '.concat('FROM talk');", 'sqlText'),
    invalid("const sql = ('SELECT id FROM ' as string) + table;", 'sqlText'),
    invalid("const sql = sqlTag`select id from talk`;", 'sqlText'),
    // Several findings in one file.
    {
      code: "import Database from 'better-sqlite3';\nconst a = 'select * from talk';\nconst b = 'pragma user_version';",
      filename,
      errors: [{ messageId: 'driverImport' }, { messageId: 'sqlText' }, { messageId: 'sqlText' }],
    },
  ],
});
