/**
 * One thing a doc lacks, printed as one line: the doc to edit, what is wrong, how to fix it. The
 * same shape as the findings of tools/docs-check, which checks the workspace-wide docs; an
 * application may not import a tool, so the app keeps its own copy of these few lines.
 */
export interface DocFinding {
  /** Repository-relative path of the doc to edit. */
  readonly doc: string;
  /** What is wrong, e.g. "IPC command `run_list` is missing". */
  readonly problem: string;
  /** What to do about it. */
  readonly fix: string;
}

export function findingLine(finding: DocFinding): string {
  return `${finding.doc}: ${finding.problem}; ${finding.fix}`;
}
