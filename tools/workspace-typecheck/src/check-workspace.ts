import { dirname } from 'node:path';
import * as ts from 'typescript';
import type { ProjectTsconfig } from './project-tsconfigs';

export interface WorkspaceCheck {
  /** One entry per TypeScript program built: the projects it covered and its file count. */
  readonly programs: readonly { readonly projects: readonly string[]; readonly files: number }[];
  readonly diagnostics: readonly ts.Diagnostic[];
}

function parse(tsconfig: string): ts.ParsedCommandLine {
  const read = ts.readConfigFile(tsconfig, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfig), undefined, tsconfig);
}

/**
 * The type check of every project in as few TypeScript programs as their options allow:
 * projects whose parsed compiler options are identical share one program over the union of
 * their files. Each per-project `tsc -p` builds its own program and checks again the sources
 * of every package it imports; here each file is checked once. A file's diagnostics do not
 * depend on the other root files of the program as long as no root file declares globals (a
 * script, or `declare global`): such a file is reported, since sharing a program would let its
 * declarations reach projects whose own check does not see them.
 */
export function checkWorkspace(projects: readonly ProjectTsconfig[]): WorkspaceCheck {
  const groups = new Map<string, { options: ts.CompilerOptions; projects: string[]; files: Set<string> }>();
  const diagnostics: ts.Diagnostic[] = [];
  for (const { project, tsconfig } of projects) {
    const parsed = parse(tsconfig);
    diagnostics.push(...parsed.errors);
    // The options say where the config file was; that alone must not split the programs.
    const options = { ...parsed.options };
    delete options.configFilePath;
    const key = JSON.stringify(options, Object.keys(options).sort());
    const group = groups.get(key) ?? { options: { ...options, noEmit: true }, projects: [], files: new Set<string>() };
    group.projects.push(project);
    for (const file of parsed.fileNames) group.files.add(file);
    groups.set(key, group);
  }
  const programs = [...groups.values()].map((group) => {
    const program = ts.createProgram({ rootNames: [...group.files].sort(), options: group.options });
    diagnostics.push(...ts.getPreEmitDiagnostics(program));
    for (const file of group.files) {
      const source = program.getSourceFile(file);
      if (source && declaresGlobals(source)) diagnostics.push(globalsDiagnostic(source));
    }
    return { projects: group.projects, files: group.files.size };
  });
  return { programs, diagnostics };
}

export function formatDiagnostics(diagnostics: readonly ts.Diagnostic[], root: string): string {
  return ts.formatDiagnosticsWithColorAndContext(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  });
}

/** A script (no import or export) or a module with `declare global` adds to the global scope. */
export function declaresGlobals(source: ts.SourceFile): boolean {
  if (source.isDeclarationFile) return false;
  if (!ts.isExternalModule(source)) return true;
  return source.statements.some((statement) => ts.isModuleDeclaration(statement) && (statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0);
}

function globalsDiagnostic(source: ts.SourceFile): ts.Diagnostic {
  return {
    category: ts.DiagnosticCategory.Error,
    code: 90001,
    file: source,
    start: 0,
    length: 0,
    messageText:
      'declares globals (a script without import/export, or `declare global`): in the shared workspace program they would reach every project; make it a module without global declarations',
  };
}
