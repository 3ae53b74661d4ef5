import { printableText } from '@lepupitre/domain-primitives';

/** A usage error quotes one argument or option: far shorter than this. */
const SHOWN_USAGE_MAX = 1024;

/**
 * The command-line parser's suggestion, which it puts on a line of its own after the message.
 * It can only end the message: an argument the message quotes is followed by a closing quote.
 */
const SUGGESTION = /\n(\(Did you mean [^\n]*\?\))$/;

/**
 * A usage error of the command-line parser, printable: it quotes the argument it refused,
 * which may hold line breaks and terminal escapes (a script passing data as arguments). The
 * message becomes one escaped line; the parser's own suggestion stays on the next line.
 */
export function printableUsageError(message: string): string {
  const text = message.replace(/\n$/, '');
  const suggestion = SUGGESTION.exec(text);
  const body = suggestion ? text.slice(0, suggestion.index) : text;
  const shown = printableText(body, SHOWN_USAGE_MAX);
  return suggestion ? `${shown}\n${printableText(suggestion[1] as string, SHOWN_USAGE_MAX)}` : shown;
}
