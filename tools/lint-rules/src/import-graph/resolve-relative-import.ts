import * as fs from 'node:fs';
import * as path from 'node:path';

/** Source files whose imports are followed; a JSON file or a stylesheet cannot import back. */
const SOURCE_FILE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
/** What TypeScript tries for an extensionless specifier, in its order (moduleResolution node10). */
const CANDIDATE_SUFFIXES = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/** `x.js` is written for `x.ts` or `x.tsx`, `x.mjs` for `x.mts`, `x.cjs` for `x.cts`. */
function compiledFrom(base: string): string[] {
  if (base.endsWith('.js')) return [`${base.slice(0, -3)}.ts`, `${base.slice(0, -3)}.tsx`];
  if (base.endsWith('.mjs') || base.endsWith('.cjs')) return [`${base.slice(0, -2)}ts`];
  return [];
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

/**
 * The source file a relative specifier names, from the importing file's folder, or undefined
 * when none exists (a typo the compiler reports, a JSON file, an asset). Resolved from disk
 * rather than through a TypeScript program, so that the rule works when ESLint lints one file
 * on its own. A `.js` specifier also finds the `.ts` file it compiles from; nothing under
 * `node_modules` is followed.
 */
export function resolveRelativeImport(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [
    ...(SOURCE_FILE.test(base) ? [base] : []),
    ...compiledFrom(base),
    ...CANDIDATE_SUFFIXES.map((suffix) => base + suffix),
  ];
  const found = candidates.find(isFile);
  return found !== undefined && !found.split(path.sep).includes('node_modules') ? found : undefined;
}
