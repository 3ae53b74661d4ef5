import type { Tree } from '@nx/devkit';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root, whose real files seed the virtual trees. */
export const WORKSPACE_ROOT = join(__dirname, '../../..');

/** Copies files or whole folders of the real workspace into a virtual tree, at the same paths. */
export function seedFromWorkspace(tree: Tree, ...paths: readonly string[]): void {
  for (const path of paths) {
    const absolute = join(WORKSPACE_ROOT, path);
    if (statSync(absolute).isDirectory()) {
      seedFromWorkspace(tree, ...readdirSync(absolute).map((entry) => relative(WORKSPACE_ROOT, join(absolute, entry))));
    } else {
      tree.write(path, readFileSync(absolute));
    }
  }
}

/** The real file's text, as the generator found it. */
export function workspaceText(path: string): string {
  return readFileSync(join(WORKSPACE_ROOT, path), 'utf-8');
}

/** `after` must be `before` plus exactly `added`, each a whole line, in any position. */
export function expectLinesAdded(before: string, after: string, added: readonly string[]): void {
  const remaining = after.split('\n');
  for (const line of added) {
    const at = remaining.indexOf(line);
    expect({ line, found: at >= 0 }).toEqual({ line, found: true });
    remaining.splice(at, 1);
  }
  expect(remaining.join('\n')).toBe(before);
}
