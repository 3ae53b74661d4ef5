import { randomUUID } from 'node:crypto';

/**
 * Row ids as the previous app made them: `<prefix>_<uuid v4 as 32 lowercase hex>`. Readers
 * treat them as opaque; only writers choose the prefix (`prof`, `proj`, `run`, `att`, `fb`,
 * `art`, `peer`, `pack`).
 */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '')}`;
}

export const ID_PATTERN = /^[a-z]+_[0-9a-f]{32}$/;
