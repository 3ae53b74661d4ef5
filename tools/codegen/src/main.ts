import { DATABASE_SCOPES, type DatabaseScope } from '@lepupitre/db-core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodegenError, generateSchemaSource } from './generate-schema';
import { firstDifference } from '@lepupitre/testing';

/** Where each scope's generated types live, relative to the repository root. */
export function schemaFile(root: string, scope: string): string {
  return join(root, 'packages', 'db-core', 'src', 'schema', `${scope}-schema.ts`);
}

/**
 * `codegen` writes the generated schema modules; `codegen --check` fails when the committed
 * ones differ from a fresh run, so a migration without regenerated types cannot land.
 */
export function runCodegen(
  root: string,
  check: boolean,
  log: (line: string) => void,
  generate: (scope: DatabaseScope) => string = generateSchemaSource,
): boolean {
  let ok = true;
  for (const scope of DATABASE_SCOPES) {
    const target = schemaFile(root, scope);
    const relative = target.slice(root.length + 1);
    const fresh = generate(scope);
    if (!check) {
      writeFileSync(target, fresh);
      log(`wrote ${relative}`);
      continue;
    }
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : null;
    if (committed === fresh) {
      log(`${relative} is up to date`);
    } else {
      ok = false;
      log(
        committed === null
          ? `${relative} is missing: run \`npm run codegen\` and commit it`
          : `${relative} differs from the migrated ${scope} schema: run \`npm run codegen\` and commit the result\n` +
              firstDifference(committed, fresh),
      );
    }
  }
  return ok;
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  const root = join(__dirname, '..', '..', '..');
  try {
    process.exitCode = runCodegen(root, check, (line) => console.log(line)) ? 0 : 1;
  } catch (error) {
    console.error(error instanceof CodegenError ? error.message : error);
    process.exitCode = 1;
  }
}
