import type { PreparedQuery } from '@lepupitre/db-core';

/** One `?` of a compiled query: an argument by name, or a value fixed when it was compiled. */
export type ParameterSlot = { readonly name: string } | { readonly constant: unknown };

class ArgumentMarker {
  constructor(readonly name: string) {}
}

/**
 * The parameter slots of a query, in order. PreparedQuery keeps them private; binding it to an
 * argument object that answers every name with a marker reveals them through its public face:
 * each named slot reads its argument, each constant slot copies its value.
 */
export function parameterSlots(query: PreparedQuery<unknown, unknown>): ParameterSlot[] {
  const markers = new Proxy(
    {},
    { get: (_target, key) => (typeof key === 'string' ? new ArgumentMarker(key) : undefined) },
  );
  return query.bind(markers).map((value) => (value instanceof ArgumentMarker ? { name: value.name } : { constant: value }));
}

/** `?1 id, ?2 now, ?3 = 0`: positions as SQLite numbers them, constants with their value. */
export function describeParameters(slots: readonly ParameterSlot[]): string {
  if (slots.length === 0) return 'none';
  return slots
    .map((slot, i) => `?${i + 1} ${'name' in slot ? slot.name : `= ${JSON.stringify(slot.constant) ?? String(slot.constant)}`}`)
    .join(', ');
}
