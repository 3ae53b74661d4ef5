import { printableText } from '@lepupitre/domain-primitives';
import type { z } from 'zod';

/** Longest field path or reason quoted: a contract's own paths and zod's reasons are far shorter. */
const SHOWN_ISSUE_MAX = 200;

/**
 * The message of `IPC_INVALID_PAYLOAD`: the path of the first offending field, dotted the way
 * the UI writes it (`payload.duration_target_sec`, `segments[0].text`), then zod's reason.
 * A wrong payload as a whole (not an object) is `(payload)`. The path can hold the payload's
 * own keys (a record's) and zod's reason can quote them (an unrecognised key): both are shown
 * printable.
 */
export function describePayloadIssue(commandName: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `invalid payload for ${commandName}`;
  return `invalid payload for ${commandName}: ${printableText(formatPath(issue.path), SHOWN_ISSUE_MAX)}: ${printableText(issue.message, SHOWN_ISSUE_MAX)}`;
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
