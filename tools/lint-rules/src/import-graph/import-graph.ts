import * as fs from 'node:fs';
import { relativeImports } from './relative-imports';
import { resolveRelativeImport } from './resolve-relative-import';

interface FileImports {
  readonly mtimeMs: number;
  readonly size: number;
  /** The files its relative imports resolve to, in the order they are written, each once. */
  readonly targets: readonly string[];
  /** Specifiers that named no file when it was read: tried again on every visit. */
  readonly unresolved: readonly string[];
}

/**
 * The files' relative imports, read from disk once and kept while a file's modification time
 * and size stay the same. One lint run reads each file once, however many linted files reach
 * it; a long-lived ESLint process (an editor's) still sees edits, and a file created since
 * (which a kept, unresolved specifier may now name) without a restart.
 */
export class ImportGraph {
  private readonly files = new Map<string, FileImports>();

  /** The files `file` imports on disk; none when it cannot be read (deleted since). */
  targetsOf(file: string): readonly string[] {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.files.delete(file);
      return [];
    }
    const cached = this.files.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      if (cached.unresolved.length === 0) return cached.targets;
      const late = cached.unresolved.map((specifier) => resolveRelativeImport(file, specifier));
      return late.some((target) => target !== undefined) ? this.read(file, stat).targets : cached.targets;
    }
    return this.read(file, stat).targets;
  }

  private read(file: string, stat: fs.Stats): FileImports {
    const targets = new Set<string>();
    const unresolved: string[] = [];
    for (const { specifier } of relativeImports(fs.readFileSync(file, 'utf8'))) {
      const target = resolveRelativeImport(file, specifier);
      if (target === undefined) unresolved.push(specifier);
      else targets.add(target);
    }
    const entry = { mtimeMs: stat.mtimeMs, size: stat.size, targets: [...targets], unresolved };
    this.files.set(file, entry);
    return entry;
  }

  /**
   * The shortest chain of imports from `start` back to `file`, both included, or undefined when
   * none leads back. `file` itself is never read from disk: the caller holds its current text
   * (an editor's unsaved buffer, `lintText`) and took `start` from it. Breadth first, so the
   * chain reported is the shortest one.
   */
  chainBack(start: string, file: string): string[] | undefined {
    const cameFrom = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    // The iteration also visits what is pushed during it: one pass is the whole search.
    for (const at of queue) {
      if (at === file) {
        const chain: string[] = [];
        for (let step: string | null | undefined = at; step != null; step = cameFrom.get(step)) chain.unshift(step);
        return chain;
      }
      for (const target of this.targetsOf(at)) {
        if (!cameFrom.has(target)) {
          cameFrom.set(target, at);
          queue.push(target);
        }
      }
    }
    return undefined;
  }
}
