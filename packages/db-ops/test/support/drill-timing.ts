import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

/** Cold-cache runs drop the machine's page cache: only when asked, since it slows everyone. */
export const COLD = process.env['LEPUPITRE_DRILL_DROP_CACHES'] === '1';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** One cold run: the page cache is dropped first. */
export function cold(fn: () => void): number {
  execSync('sync');
  writeFileSync('/proc/sys/vm/drop_caches', '3');
  const started = performance.now();
  fn();
  return performance.now() - started;
}
