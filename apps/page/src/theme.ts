import type { Theme } from './store';

/** Light or dark, kept in this browser; the first visit follows the system's choice. */
const THEME_KEY = 'lepupitre.theme';

export function initialTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // No storage: the system's choice.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  try {
    window.localStorage.setItem(THEME_KEY, theme);
  } catch {
    // The choice lasts for this page only.
  }
}
