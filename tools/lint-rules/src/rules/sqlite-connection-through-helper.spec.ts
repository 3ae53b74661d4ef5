import * as path from 'node:path';
import { RuleTester, type Rule } from 'eslint';
import { parser } from 'typescript-eslint';
import { rule } from './sqlite-connection-through-helper';

const filename = path.join(path.resolve('/repo'), 'packages/db-ops/src/recovery/probe.ts');

const ruleTester = new RuleTester({
  languageOptions: { parser, ecmaVersion: 2022, sourceType: 'module' },
});

const valid = (code: string): RuleTester.ValidTestCase => ({ code, filename });
const invalid = (code: string, count = 1): RuleTester.InvalidTestCase => ({
  code,
  filename,
  errors: Array.from({ length: count }, () => ({ messageId: 'driverValueImport' })),
});

ruleTester.run('sqlite-connection-through-helper', rule as unknown as Rule.RuleModule, {
  valid: [
    // The driver's types name nothing that opens a file.
    valid("import type Database from 'better-sqlite3';"),
    valid("import type BetterSqlite3 from 'better-sqlite3';\nexport function f(db: BetterSqlite3.Database): void { db.close(); }"),
    valid("import { type Database, type Options } from 'better-sqlite3';"),
    valid("export type { Database } from 'better-sqlite3';"),
    valid("import type Database = require('better-sqlite3');"),
    valid("type D = typeof import('better-sqlite3');"),
    // The helper, and modules whose names only resemble the driver's.
    valid("import { openSqliteConnection } from '../connection/sqlite-connection';\nconst db = openSqliteConnection(path, { readonly: true });"),
    valid("import { x } from 'better-sqlite3-helpers';"),
    valid("const x = require('better-sqlite3-pool');"),
    // A side-effect import binds nothing.
    valid("import 'better-sqlite3';"),
  ],
  invalid: [
    invalid("import Database from 'better-sqlite3';\nconst db = new Database(path);"),
    invalid("import Database from 'better-sqlite3';\nconst db = Database(path);"),
    invalid("import * as sqlite from 'better-sqlite3';"),
    invalid("import { default as Driver } from 'better-sqlite3';"),
    invalid("import { type Options, default as Driver } from 'better-sqlite3';"),
    invalid("import Database = require('better-sqlite3');"),
    invalid("const Database = require('better-sqlite3');"),
    invalid("const { default: Database } = await import('better-sqlite3');"),
    invalid("export { default } from 'better-sqlite3';"),
    invalid("export { default as Database } from 'better-sqlite3';"),
    invalid("export * from 'better-sqlite3';"),
  ],
});
