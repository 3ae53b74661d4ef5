import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CATALOGUE_FILE, type ContextPackage } from './context-packages';
import type { RealisticDatabases } from './realistic-databases';
import { REGENERATE_COMMAND, renderCatalogue } from './render-catalogue';
import { firstDifference } from '@lepupitre/testing';

/** A catalogue as it should be committed: its path from the repository root, and its text. */
export interface CatalogueFile {
  readonly path: string;
  readonly text: string;
}

export function renderCatalogues(packages: readonly ContextPackage[], databases: RealisticDatabases): CatalogueFile[] {
  return packages.map((pkg) => ({ path: `${pkg.root}/${CATALOGUE_FILE}`, text: renderCatalogue(pkg, databases) }));
}

export function writeCatalogues(root: string, files: readonly CatalogueFile[]): void {
  for (const file of files) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}

/**
 * One message per committed catalogue that is missing or differs from a fresh rendering,
 * naming the file, its first differing line and the command that regenerates it.
 */
export function staleCatalogues(root: string, files: readonly CatalogueFile[]): string[] {
  const messages: string[] = [];
  for (const file of files) {
    const target = join(root, file.path);
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : null;
    if (committed === file.text) continue;
    messages.push(
      committed === null
        ? `${file.path} is missing: run \`${REGENERATE_COMMAND}\` and commit it`
        : `${file.path} is stale: run \`${REGENERATE_COMMAND}\` and commit the result\n${firstDifference(committed, file.text)}`,
    );
  }
  return messages;
}
