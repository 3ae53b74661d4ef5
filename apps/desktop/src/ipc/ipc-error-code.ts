/**
 * The router's own error codes (UPPER_SNAKE: platform errors). Domain codes (lowercase) and
 * db-core codes (`DB_*`, `MIGRATION_*`) pass through unchanged.
 */
export const IpcErrorCode = {
  /** No command of that name. */
  UNKNOWN_COMMAND: 'IPC_UNKNOWN_COMMAND',
  /** The payload fails the command's request schema; the message names the field. */
  INVALID_PAYLOAD: 'IPC_INVALID_PAYLOAD',
  /** The host is shutting down: the command was not run. */
  HOST_CLOSED: 'IPC_HOST_CLOSED',
  /** Anything unexpected: the message is generic, the cause stays in the host's log. */
  INTERNAL: 'IPC_INTERNAL',
} as const;

export type IpcErrorCode = (typeof IpcErrorCode)[keyof typeof IpcErrorCode];
