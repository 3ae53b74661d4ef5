import { printableText } from '@lepupitre/domain-primitives';

/** A usage error quotes one argument or option: far shorter than this. */
const SHOWN_USAGE_MAX = 1024;

/**
 * The command-line parser's suggestion, which it puts on a line of its own after the message.
 * It can only end the message: an argument the message quotes is followed by a closing quote.
 */
const SUGGESTION = /\n\(Did you mean ([^\n]*)\?\)$/;

/**
 * A usage error of the command-line parser as the one-line detail of a `CLI_USAGE` error: its
 * `error: ` prefix dropped, its suggestion joined to the line (`unknown command 'stauts'; did you
 * mean status?`), and printable, since it quotes the argument it refused, which may hold line
 * breaks and terminal escapes (a script passing data as arguments).
 */
export function usageErrorDetail(message: string): string {
  const text = message.replace(/^error:\s*/, '').replace(/\n$/, '');
  const suggestion = SUGGESTION.exec(text);
  if (!suggestion) return printableText(text, SHOWN_USAGE_MAX);
  return withSuggestion(printableText(text.slice(0, suggestion.index), SHOWN_USAGE_MAX), printableText(suggestion[1] as string, SHOWN_USAGE_MAX));
}

/** A refusal of a mistyped name, with the name it most likely meant when there is one. */
export function withSuggestion(refusal: string, suggestion: string | null): string {
  return suggestion === null ? refusal : `${refusal}; did you mean ${suggestion}?`;
}
