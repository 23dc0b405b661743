import type { Database, SqlRunner } from '../db/index.ts';
import type { MigrationFile } from './files.ts';

/** One row of the applied history. */
export interface AppliedMigration {
  id: number;
  name: string;
  checksum: string;
  appliedAt: string;
  durationMs: number;
}

export interface MigrationStatus {
  applied: AppliedMigration[];
  pending: MigrationFile[];
}

export interface MigrateResult {
  applied: { id: number; name: string; durationMs: number }[];
  alreadyApplied: number;
}

export interface MigrateOptions {
  /** Stop after this migration number (tests migrate to N−1, insert rows, then to N). */
  to?: number;
  onApplied?: (migration: { id: number; name: string; durationMs: number }) => void;
}

/** The history does not match the files: an applied file was edited, removed or renamed. */
export class MigrationHistoryError extends Error {
  override readonly name = 'MigrationHistoryError';
}

// A fixed key for pg_advisory_lock: two processes migrating the same database take turns.
const migrationLockKey = 7_356_001;

const historyTable = `
create table if not exists workbench_migration (
  id          integer primary key,
  name        text not null,
  checksum    text not null,
  applied_at  timestamptz not null default now(),
  duration_ms integer not null
)`;

async function readHistory(session: SqlRunner): Promise<AppliedMigration[]> {
  const exists = await session.query(`select to_regclass('workbench_migration') is not null as present`);
  if (exists.rows[0]?.[0] !== true) return [];
  const r = await session.query(
    `select id, name, checksum, to_char(applied_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), duration_ms
       from workbench_migration order by id`,
  );
  return r.rows.map(([id, name, checksum, appliedAt, durationMs]) => ({
    id: Number(id),
    name: String(name),
    checksum: String(checksum),
    appliedAt: String(appliedAt),
    durationMs: Number(durationMs),
  }));
}

/**
 * Compares the applied history with the files. Refuses an edited file (checksum), a renamed or
 * removed one, and a history longer than the files (a database migrated by a newer version).
 */
export function verifyHistory(applied: AppliedMigration[], files: MigrationFile[]): MigrationFile[] {
  for (const row of applied) {
    const file = files.find((f) => f.id === row.id);
    if (!file) {
      throw new MigrationHistoryError(
        `migration ${row.name} is applied to this database but missing from migrations/: the history diverges ` +
          '(was the database migrated by a newer version of the workbench?)',
      );
    }
    if (file.name !== row.name) {
      throw new MigrationHistoryError(
        `migration ${String(row.id).padStart(4, '0')} was applied as ${row.name} but the file is now ${file.name}: ` +
          'the history diverges; applied migrations must not be renamed',
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationHistoryError(
        `migration ${row.name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ` +
          `${file.checksum.slice(0, 12)}… on disk): applied migrations must not change; restore the file and add a new migration instead`,
      );
    }
  }
  const appliedIds = new Set(applied.map((a) => a.id));
  return files.filter((f) => !appliedIds.has(f.id));
}

async function withMigrationLock<T>(db: Database, work: (session: SqlRunner) => Promise<T>): Promise<T> {
  return db.session(async (session) => {
    await session.query('select pg_advisory_lock($1)', [migrationLockKey]);
    try {
      return await work(session);
    } finally {
      await session.query('select pg_advisory_unlock($1)', [migrationLockKey]);
    }
  });
}

/** What is applied and what is pending; refuses a diverging history like `migrate` does. */
export async function migrationStatus(db: Database, files: MigrationFile[]): Promise<MigrationStatus> {
  return db.session(async (session) => {
    const applied = await readHistory(session);
    const pending = verifyHistory(applied, files);
    return { applied, pending };
  });
}

/**
 * Applies pending migrations in order, each in its own transaction together with its history row,
 * under an advisory lock so that concurrent runs take turns and the second finds nothing to do.
 */
export async function migrate(db: Database, files: MigrationFile[], options: MigrateOptions = {}): Promise<MigrateResult> {
  return withMigrationLock(db, async (session) => {
    await session.exec(historyTable);
    const applied = await readHistory(session);
    const pending = verifyHistory(applied, files).filter((f) => options.to === undefined || f.id <= options.to);
    const done: MigrateResult['applied'] = [];
    for (const file of pending) {
      const startedAt = performance.now();
      await session.exec('BEGIN');
      try {
        await session.exec(file.sql);
        const durationMs = Math.round(performance.now() - startedAt);
        await session.query('insert into workbench_migration (id, name, checksum, duration_ms) values ($1, $2, $3, $4)', [
          file.id,
          file.name,
          file.checksum,
          durationMs,
        ]);
        await session.exec('COMMIT');
        const entry = { id: file.id, name: file.name, durationMs };
        done.push(entry);
        options.onApplied?.(entry);
      } catch (error) {
        await session.exec('ROLLBACK').catch(() => undefined);
        throw new MigrationFailedError(file.name, error);
      }
    }
    return { applied: done, alreadyApplied: applied.length };
  });
}

export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`migration ${file} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
