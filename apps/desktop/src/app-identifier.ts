/**
 * The desktop app's identifier. Its data folder is named after it inside the platform's
 * app-data location (see `cli/data-dir.ts`); changing it would orphan every user's data.
 */
export const APP_IDENTIFIER = 'app.lepupitre.desktop';
