import type { z } from 'zod';

/**
 * The message of `IPC_INVALID_PAYLOAD`: the path of the first offending field, dotted the way
 * the UI writes it (`payload.duration_target_sec`, `segments[0].text`), then zod's reason.
 * A wrong payload as a whole (not an object) is `(payload)`.
 */
export function describePayloadIssue(commandName: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `invalid payload for ${commandName}`;
  return `invalid payload for ${commandName}: ${formatPath(issue.path)}: ${issue.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(payload)';
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}
