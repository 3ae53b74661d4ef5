import { h, type VNode } from 'vue';
import { ERROR_SENTENCES, FALLBACK_SENTENCE } from 'host:error-sentences';
import type { IpcError } from './ipc';
import type { Locale } from './locale';

/**
 * Small building blocks of the screens, so that every field has its label and every error
 * reads the same. Text goes in as text only: names, titles and feedback are user data and are
 * never parsed as HTML (Vue's text children and attributes are escaped).
 */
let fieldCount = 0;

/** A labelled control; `control` receives the id its label points to. */
export function field(label: string, control: (id: string) => VNode, hint?: string): VNode {
  const id = `field-${++fieldCount}`;
  return h('div', { class: 'field' }, [h('label', { for: id }, label), control(id), hint ? h('small', { class: 'muted' }, hint) : null]);
}

export function button(label: string, onClick: () => unknown, options: { kind?: 'primary' | 'danger' | 'plain'; disabled?: boolean } = {}): VNode {
  return h('button', { type: 'button', class: options.kind ?? 'plain', disabled: options.disabled ?? false, onClick: () => void onClick() }, label);
}

/** A form whose submit runs `onSubmit` (never a page navigation: the policy forbids form posts). */
export function form(onSubmit: () => unknown, children: (VNode | null)[], className = 'stack'): VNode {
  return h(
    'form',
    {
      class: className,
      onSubmit: (event: Event) => {
        event.preventDefault();
        void onSubmit();
      },
    },
    children,
  );
}

/** An error as a person reads it: the sentence of its code in the page's language, then the code once. */
export function errorParts(error: IpcError, locale: Locale): (VNode | string)[] {
  const sentences = Object.hasOwn(ERROR_SENTENCES, error.code) ? ERROR_SENTENCES[error.code] : (error.sentence ?? FALLBACK_SENTENCE);
  const text = sentences?.[locale] ?? FALLBACK_SENTENCE[locale] ?? error.message;
  return [h('span', { class: 'sentence' }, text), ' ', h('span', { class: 'error-code' }, `(${error.code})`)];
}

export function formatBytes(bytes: number, locale: Locale): string {
  const units = locale === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}

export function formatDate(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB');
}
