import type { CompiledQuery } from 'kysely';
import { createParamProxy, QueryParam, type QueryParams } from './query-param';

/** Anything Kysely can compile: select, insert, update and delete builders, `sql` templates. */
export interface Compilable<R> {
  compile(): CompiledQuery<R>;
}

/** The argument type of a query without parameters: `db.get(query)` takes no second argument. */
export type NoArgs = Record<never, never>;

type Slot = { readonly param: string } | { readonly value: unknown };

interface Compiled {
  readonly sql: string;
  readonly slots: readonly Slot[];
  readonly constantOnly: readonly unknown[] | undefined;
}

/**
 * A query compiled once, on its first use, with the row type of its compiled form.
 *
 * `P` is the argument object, `R` the row type inferred by Kysely from the generated schema,
 * so renaming a column breaks the build of every repository that reads it.
 *
 * Compiling waits for the first use because every query of the app is defined when its module
 * loads: compiling them all then cost the operator CLI tens of milliseconds at each start, for
 * queries most commands never run.
 */
export class PreparedQuery<P, R> {
  /** Phantom fields carry the types; they are never read at run time. */
  declare readonly __args: P;
  declare readonly __row: R;

  #compile: (() => CompiledQuery<R>) | undefined;
  #compiled: Compiled | undefined;

  constructor(compile: () => CompiledQuery<R>) {
    this.#compile = compile;
  }

  get sql(): string {
    return this.#get().sql;
  }

  #get(): Compiled {
    if (this.#compiled) return this.#compiled;
    const compiled = (this.#compile as () => CompiledQuery<R>)();
    const slots: Slot[] = compiled.parameters.map((value) => (value instanceof QueryParam ? { param: value.name } : { value }));
    const constantOnly = slots.every((slot) => 'value' in slot) ? slots.map((slot) => ('value' in slot ? slot.value : undefined)) : undefined;
    this.#compiled = { sql: compiled.sql, slots, constantOnly };
    this.#compile = undefined;
    return this.#compiled;
  }

  /** The positional values for one call. Missing arguments bind as NULL, as in SQL. */
  bind(args: P): unknown[] {
    const { slots, constantOnly } = this.#get();
    if (constantOnly) return constantOnly as unknown[];
    const values = new Array<unknown>(slots.length);
    const record = args as Record<string, unknown>;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as Slot;
      const value = 'param' in slot ? record[slot.param] : slot.value;
      values[i] = value === undefined ? null : value;
    }
    return values;
  }
}

/**
 * Defines a static query: built and compiled once (on first use), executed many times.
 *
 * ```ts
 * const talkById = defineQuery((p: QueryParams<{ id: string }>) =>
 *   profileQb.selectFrom('talk_projects').selectAll().where('id', '=', p.id));
 * db.get(talkById, { id });
 * ```
 */
export function defineQuery<P = NoArgs, R = unknown>(
  build: (params: QueryParams<P>) => Compilable<R>,
): PreparedQuery<P, R> {
  return new PreparedQuery<P, R>(() => build(createParamProxy<P>()).compile());
}
