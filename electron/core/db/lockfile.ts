import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/**
 * An exclusive, process-level lock on a folder, as PostgreSQL's postmaster.pid does: the embedded
 * engine's files may be opened by one process at a time. A lock left by a dead process is taken over.
 */
export class FolderLock {
  private constructor(private readonly path: string) {}

  static async acquire(path: string, options: { waitMs: number; describe: string }): Promise<FolderLock> {
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return new FolderLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(path);
      if (holder !== undefined && !isAlive(holder)) {
        rmSync(path, { force: true });
        continue;
      }
      if (Date.now() >= deadline) {
        throw new LockBusyError(
          `${options.describe} is in use by process ${holder ?? '?'}; stop that process or wait for it ` +
            '(the embedded engine serves one process at a time; use a PostgreSQL server for shared use)',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  release(): void {
    if (readHolder(this.path) === process.pid) rmSync(this.path, { force: true });
  }
}

export class LockBusyError extends Error {
  override readonly name = 'LockBusyError';
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
