/**
 * Control characters in text a pack brings: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F).
 * A terminal reads ESC, CSI (U+009B), BEL and friends as commands (clear the screen, move the
 * cursor, retitle the window, hide a link), so such text would act on whoever lists it.
 */
const CONTROL = /\p{Cc}/u;

/**
 * The controls that are not Unicode White_Space. Tab, line feed, vertical tab, form feed,
 * carriage return and next line (U+0085) lay text out; a review's free text may hold them, and
 * a blank tag made of them reads as no tag, as it always did.
 */
const ESCAPE_CONTROL = /(?![\t\n\v\f\r\u0085])\p{Cc}/u;
const ESCAPE_CONTROLS = new RegExp(ESCAPE_CONTROL.source, 'gu');

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

export function hasEscapeControl(text: string): boolean {
  return ESCAPE_CONTROL.test(text);
}

/** The text with every control that is not White_Space removed: what is safe to show. */
export function withoutEscapeControls(text: string): string {
  return text.replace(ESCAPE_CONTROLS, '');
}
