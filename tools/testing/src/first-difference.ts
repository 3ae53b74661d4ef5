/**
 * Where a committed generated file first differs from a fresh rendering, as two lines a reviewer
 * reads in a failing check: the line number, the committed line and the fresh one. Shared by
 * the checks of the generated schema types and of the committed SQL.
 */
export function firstDifference(committed: string, fresh: string): string {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `  first difference at line ${i + 1}:\n  - ${a[i] ?? '(end of file)'}\n  + ${b[i] ?? '(end of file)'}`;
  }
  return '';
}
