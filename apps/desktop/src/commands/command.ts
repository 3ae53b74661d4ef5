import type { z } from 'zod';
import type { CommandContext } from './command-context';

/**
 * One IPC command: its wire name, the request schema the UI's payload must pass (the previous
 * UI's contract: camelCase top-level keys, snake_case inside nested objects), the response
 * schema the UI validates, and the handler. The handler receives the parsed request and
 * returns exactly what goes on the wire: snake_case, nulls explicit, `null` for a void result.
 */
export interface CommandDefinition<Request extends z.ZodType = z.ZodType, Response extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly request: Request;
  readonly response: Response;
  readonly handler: (request: z.output<Request>, context: CommandContext) => WireValue<z.input<Response>> | Promise<WireValue<z.input<Response>>>;
}

/**
 * A response as repositories build it: their types are readonly all the way down, which the
 * router never mutates, so a readonly value satisfies the (mutable) type zod infers.
 */
export type WireValue<T> = T extends (infer Item)[]
  ? readonly WireValue<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: WireValue<T[Key]> }
    : T;

/** Any command, for the catalogue and the router, which only pass values through the schemas. */
export type AnyCommand = CommandDefinition<z.ZodType, z.ZodType>;

/** Keeps the request and response types tied to the handler while erasing them for the catalogue. */
export function defineCommand<Request extends z.ZodType, Response extends z.ZodType>(
  definition: CommandDefinition<Request, Response>,
): AnyCommand {
  return definition as unknown as AnyCommand;
}
