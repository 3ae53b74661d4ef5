import type { DatabaseScope } from '../execution/database-handle';

/**
 * A condition on the schema as it stands when a step is about to run. The previous app's
 * migrations were written to be safe on whatever an older build left; probes are how a step
 * says "only if the column is still missing", declaratively, so the checksum covers it.
 */
export type SchemaProbe =
  | { readonly kind: 'columnMissing'; readonly table: string; readonly column: string }
  | { readonly kind: 'columnNotNull'; readonly table: string; readonly column: string };

export interface MigrationStep {
  /** One or more statements, run as a script. */
  readonly sql: string;
  /** The step runs only when the probe holds. */
  readonly when?: SchemaProbe;
}

/**
 * One entry of a scope's append-only history. The id is forever: it is what databases in the
 * field record. The content is frozen too: its checksum is recorded, and a database that
 * recorded a checksum this migration does not know is refused (`MIGRATION_CHECKSUM_MISMATCH`).
 */
export interface Migration {
  readonly id: string;
  readonly scope: DatabaseScope;
  /** Why the migration exists, for `lepupitre db status` and the docs. */
  readonly summary: string;
  /**
   * Table rebuilds: the runner turns foreign keys off outside the transaction (inside one the
   * pragma is a no-op and dropping a parent would cascade into its children), refuses before
   * commit the foreign-key violations the migration introduced (not those the file already
   * held), and turns them back on afterwards.
   */
  readonly rebuildsTables?: boolean;
  /**
   * Checksums of the texts this migration shipped with before a correction. A database that
   * recorded one of them ran a text that left it exactly as this one would have (the only
   * correction docs/migrations.md allows), so it is accepted as it is and its record kept.
   */
  readonly earlierChecksums?: readonly string[];
  readonly steps: readonly MigrationStep[];
}

export function defineMigration(migration: Migration): Migration {
  if (!/^\d{4}_[a-z0-9_]+$/.test(migration.id)) {
    throw new Error(`migration id must look like NNNN_snake_name: ${migration.id}`);
  }
  for (const checksum of migration.earlierChecksums ?? []) {
    if (!/^sha256:[0-9a-f]{64}$/.test(checksum)) {
      throw new Error(`an earlier checksum of ${migration.id} must look like sha256:<64 hex>: ${checksum}`);
    }
  }
  return Object.freeze(migration);
}
