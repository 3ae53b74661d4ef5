import { createHash } from 'node:crypto';
import type { Migration } from './migration';

/**
 * The recorded fingerprint of a migration's content. Whitespace is folded so that reformatting
 * the source cannot turn into a refusal in the field; any other edit changes the checksum.
 */
export function migrationChecksum(migration: Migration): string {
  const content = {
    id: migration.id,
    rebuildsTables: migration.rebuildsTables === true,
    steps: migration.steps.map((step) => ({
      sql: step.sql.replace(/\s+/g, ' ').trim(),
      when: step.when ?? null,
    })),
  };
  return 'sha256:' + createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
