/** Bundles the CLI and the app host into `dist/` and copies the page; answers the files written. */
declare function buildApp(): string[];
export = buildApp;
