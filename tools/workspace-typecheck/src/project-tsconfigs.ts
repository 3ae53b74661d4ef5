import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** A project whose `typecheck` target runs `tsc -p <tsconfig> --noEmit`. */
export interface ProjectTsconfig {
  readonly project: string;
  /** Absolute path of the tsconfig its typecheck target names. */
  readonly tsconfig: string;
}

const PROJECT_FOLDERS = ['apps', 'packages', 'tools'];

function projectFiles(root: string, folder: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const child = join(dir, entry.name);
      if (existsSync(join(child, 'project.json'))) found.push(join(child, 'project.json'));
      visit(child);
    }
  };
  if (existsSync(join(root, folder))) visit(join(root, folder));
  return found;
}

/**
 * Every project's typecheck tsconfig, read from the command of its `typecheck` target, so the
 * workspace check covers exactly the files the per-project targets do. A typecheck target that
 * is not a `tsc -p <file> --noEmit` command is an error: the workspace check could not stand in
 * for it.
 */
export function projectTsconfigs(root: string): ProjectTsconfig[] {
  const projects: ProjectTsconfig[] = [];
  for (const file of PROJECT_FOLDERS.flatMap((folder) => projectFiles(root, folder)).sort()) {
    const config = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; targets?: Record<string, { options?: { command?: unknown } }> };
    const target = config.targets?.['typecheck'];
    if (!target) continue;
    const name = config.name ?? relative(root, file);
    const command = target.options?.command;
    const match = typeof command === 'string' ? /^tsc -p (\S+) --noEmit$/.exec(command.trim()) : null;
    if (!match?.[1]) {
      throw new Error(`${relative(root, file)}: the typecheck target of ${name} is not \`tsc -p <tsconfig> --noEmit\` (it is ${JSON.stringify(command)})`);
    }
    projects.push({ project: name, tsconfig: resolve(root, match[1]) });
  }
  return projects;
}
