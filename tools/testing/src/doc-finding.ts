/**
 * One thing a doc lacks. Printed as one line that names the doc to edit, what is wrong with it
 * and how to fix it, so a failing `docs-check` needs no further digging. Shared by the
 * workspace's docs check (`tools/docs-check`) and the desktop app's, which may not import a tool.
 */
export interface DocFinding {
  /** Repository-relative path of the file to edit. */
  readonly doc: string;
  /** What is wrong, e.g. "profile migration `0010_x` is missing". */
  readonly problem: string;
  /** What to do about it. */
  readonly fix: string;
}

export function findingLine(finding: DocFinding): string {
  return `${finding.doc}: ${finding.problem}; ${finding.fix}`;
}
