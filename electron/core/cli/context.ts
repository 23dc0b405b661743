import { openDatabase, resolveTarget } from '../db/index.ts';
import type { Database } from '../db/index.ts';

/** What a command needs from the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal (progress output). */
  interactive: boolean;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
};

export interface DbOption {
  db?: string;
}

/** Opens the database a command's `--db` names, runs `work`, and always closes it. */
export async function withDatabase<T>(io: CliIo, options: DbOption, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(resolveTarget(options.db, io.env));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export const dbOptionHelp =
  'database: a postgres:// URL (server) or a folder (embedded); default $WORKBENCH_DATABASE_URL, else $WORKBENCH_HOME/embedded';
