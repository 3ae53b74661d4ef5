import * as feedbackQueries from '@lepupitre/repo-feedback/queries';
import * as packQueries from '@lepupitre/repo-pack/queries';
import * as questQueries from '@lepupitre/repo-quest/queries';
import * as talkQueries from '@lepupitre/repo-talk/queries';
import * as workspaceQueries from '@lepupitre/repo-workspace/queries';

/** The exports of one queries module, as a module namespace gives them. */
export type QueryModule = Readonly<Record<string, unknown>>;

/** A bounded context's repository package and the modules that hold its SQL. */
export interface ContextPackage {
  /** The Nx project name, e.g. `repo-talk`. */
  readonly project: string;
  /** The package folder, relative to the repository root. */
  readonly root: string;
  /** Each queries module by its path inside the package: the modules the plan gates check. */
  readonly queryModules: Readonly<Record<string, QueryModule>>;
}

/** The one file of committed SQL per context package, at the package root beside `src/`. */
export const CATALOGUE_FILE = 'queries.sql';

const contextPackage = (name: string, queries: QueryModule): ContextPackage => ({
  project: `repo-${name}`,
  root: `packages/repo-${name}`,
  queryModules: { 'src/queries.ts': queries },
});

/** Every context package, in the order of the architecture's table. */
export const CONTEXT_PACKAGES: readonly ContextPackage[] = [
  contextPackage('workspace', workspaceQueries),
  contextPackage('talk', talkQueries),
  contextPackage('quest', questQueries),
  contextPackage('feedback', feedbackQueries),
  contextPackage('pack', packQueries),
];
