/**
 * The text edits that register a new context where the workspace lists its contexts: the scopes
 * of the module-boundary rules and the SQL catalogue's list of packages. Each is a targeted
 * insertion that fails loudly when the file no longer has the shape it expects.
 */

/** `eslint.config.mjs` with the context appended to its `contexts` array. */
export function addLintScope(config: string, name: string): string {
  const contexts = /const contexts = \[([^\]]*)\];/.exec(config);
  if (!contexts) throw new Error('eslint.config.mjs no longer declares `const contexts = [...]`');
  const listed = [...(contexts[1] as string).matchAll(/'([^']+)'/g)].map((m) => m[1]);
  if (listed.includes(name)) throw new Error(`eslint.config.mjs already lists the context ${name}`);
  return config.replace(contexts[0], `const contexts = [${[...listed, name].map((c) => `'${c}'`).join(', ')}];`);
}

/**
 * The SQL catalogue's `context-packages.ts` with the package's queries imported among the other
 * contexts' (in order of module path) and its entry appended to `CONTEXT_PACKAGES`.
 */
export function addCatalogueEntry(source: string, name: string, identifier: string): string {
  const line = `import * as ${identifier} from '@lepupitre/repo-${name}/queries';\n`;
  const imports = [...source.matchAll(/^import \* as \w+ from '(@lepupitre\/repo-[^']+)';\n/gm)];
  const list = /(export const CONTEXT_PACKAGES: readonly ContextPackage\[\] = \[\n)([\s\S]*?)(\];)/.exec(source);
  if (imports.length === 0 || !list) {
    throw new Error('the SQL catalogue no longer imports each context\'s queries into a CONTEXT_PACKAGES list');
  }
  const withEntry =
    source.slice(0, list.index) + list[1] + list[2] + `  contextPackage('${name}', ${identifier}),\n` + list[3] + source.slice(list.index + list[0].length);
  const next = imports.find((m) => (m[1] as string) > `@lepupitre/repo-${name}`);
  const last = imports[imports.length - 1] as RegExpMatchArray;
  const at = next ? (next.index as number) : (last.index as number) + last[0].length;
  return withEntry.slice(0, at) + line + withEntry.slice(at);
}
