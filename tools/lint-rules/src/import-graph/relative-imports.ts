import ts from 'typescript';

/** A relative module specifier as written in a file, with its offsets in the text (quotes excluded). */
export interface RelativeImport {
  readonly specifier: string;
  readonly start: number;
  readonly end: number;
}

/** `./x`, `../x`, `.` and `..`: the specifiers that name a file of the same tree. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * The relative specifiers a file's text imports, in order: `import` (type-only ones too),
 * `export ... from`, `import x = require()`, `require()`, `import()` and `typeof import()`.
 * TypeScript's pre-processing scanner finds them without building a syntax tree, so reading the
 * files a linted file reaches costs little more than reading them; comments and strings are
 * skipped as the compiler skips them.
 */
export function relativeImports(text: string): RelativeImport[] {
  const { importedFiles } = ts.preProcessFile(text, /* readImportFiles */ true, /* detectJavaScriptImports */ true);
  return importedFiles
    .filter((reference) => isRelativeSpecifier(reference.fileName))
    .map((reference) => ({ specifier: reference.fileName, start: reference.pos, end: reference.end }));
}
