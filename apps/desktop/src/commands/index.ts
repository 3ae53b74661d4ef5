/** The command layer: the catalogue of IPC commands and what they need from their host. */
export { COMMANDS } from './catalogue';
export { defineCommand, type AnyCommand, type CommandDefinition } from './command';
export type { CommandContext, ProfileSession } from './command-context';
