/**
 * Runs tasks one after another. Commands are synchronous between their awaits (better-sqlite3),
 * but a few await (pack export builds a zip, pack import reads one): serialising whole commands
 * keeps one command from seeing another's half-done work or a connection closed under it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
