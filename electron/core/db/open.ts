import { PgDatabase } from './database.ts';
import { EmbeddedDriver } from './embedded-driver.ts';
import { ServerDriver } from './server-driver.ts';
import { describeTarget } from './target.ts';
import type { Database } from './database.ts';
import type { DatabaseTarget } from './target.ts';

export interface OpenOptions {
  statementTimeoutMs?: number;
  /** Embedded only: how long to wait for another process to release the folder. */
  lockWaitMs?: number;
}

/** Opens either engine behind the same interface. */
export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  const label = describeTarget(target);
  const driver =
    target.kind === 'server'
      ? new ServerDriver({ connectionString: target.url })
      : await EmbeddedDriver.open({ directory: target.directory, ...(options.lockWaitMs === undefined ? {} : { lockWaitMs: options.lockWaitMs }) });
  const db = new PgDatabase(driver, { label, ...(options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs }) });
  return db;
}
