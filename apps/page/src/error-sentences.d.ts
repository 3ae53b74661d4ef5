/**
 * The error sentence catalogue, served by the app host as an ES module made from the one
 * catalogue the CLI and the router use (apps/desktop/src/host/page-sentences.ts). The page
 * imports it as `host:error-sentences`, which the build turns into an import of the host's
 * `/error-sentences.js` at run time: the catalogue is never copied into the page.
 */
declare module 'host:error-sentences' {
  export const ERROR_SENTENCES: Readonly<Record<string, Readonly<Record<string, string>>>>;
  export const FALLBACK_SENTENCE: Readonly<Record<string, string>>;
}
