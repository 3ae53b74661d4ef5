import { ValueNode, type Expression, type OperationNode } from 'kysely';

/**
 * A named placeholder inside a Kysely builder.
 *
 * It compiles to an ordinary `?` parameter whose value slot holds this object, so a query
 * can be compiled once, at module load, and bound to new arguments on every call.
 */
export class QueryParam<T> implements Expression<T> {
  constructor(readonly name: string) {}

  /** Type-level only, as Kysely's own expressions do. */
  get expressionType(): T | undefined {
    return undefined;
  }

  toOperationNode(): OperationNode {
    return ValueNode.create(this);
  }
}

/** The typed placeholders handed to a query definition: one per argument name. */
export type QueryParams<P> = { readonly [K in keyof P]-?: QueryParam<P[K]> };

export function createParamProxy<P>(): QueryParams<P> {
  const cache = new Map<string, QueryParam<unknown>>();
  return new Proxy({} as QueryParams<P>, {
    get(_target, key) {
      if (typeof key !== 'string') return undefined;
      let param = cache.get(key);
      if (!param) {
        param = new QueryParam(key);
        cache.set(key, param);
      }
      return param;
    },
  });
}
