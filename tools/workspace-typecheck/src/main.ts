import { resolve } from 'node:path';
import { checkWorkspace, formatDiagnostics } from './check-workspace';
import { projectTsconfigs } from './project-tsconfigs';

/**
 * `npx nx run workspace-typecheck:typecheck-all`: what every project's `typecheck` target
 * checks, in one pass (npm test runs this; affected runs keep the per-project targets).
 */
const root = resolve(__dirname, '../../..');
const { programs, diagnostics } = checkWorkspace(projectTsconfigs(root));
if (diagnostics.length > 0) {
  console.error(formatDiagnostics(diagnostics, root));
  console.error(`typecheck-all: ${diagnostics.length} error(s)`);
  process.exitCode = 1;
} else {
  const projects = programs.reduce((sum, program) => sum + program.projects.length, 0);
  const files = programs.reduce((sum, program) => sum + program.files, 0);
  console.log(`typecheck-all: ${projects} projects, ${files} files, ${programs.length} program(s), no errors`);
}
