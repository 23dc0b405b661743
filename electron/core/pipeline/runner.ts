import { checkIdentifier } from '../db/copy.ts';
import { Cancellation, PipelineCancelledError } from './cancellation.ts';
import type { Database, SqlRunner } from '../db/index.ts';
import { linkColumn } from './links.ts';
import type { PipelineStep, StepContext, StepName, StepReport, TableChange } from './types.ts';

/** Every pipeline run holds this session-level advisory lock: two runs never overlap. */
const pipelineLockKey = 7_356_002;
const sampleSize = 5;

export class PipelineBusyError extends Error {
  override readonly name = 'PipelineBusyError';
}

export class UnknownStepError extends Error {
  override readonly name = 'UnknownStepError';
}

/** The steps to run for a request, in dependency order; no names means all of them. */
export function orderSteps(all: readonly PipelineStep[], requested: readonly string[]): PipelineStep[] {
  const byName = new Map(all.map((s) => [s.name as string, s]));
  for (const name of requested) {
    if (!byName.has(name)) throw new UnknownStepError(`unknown pipeline step "${name}" (steps: ${all.map((s) => s.name).join(', ')})`);
  }
  const wanted = new Set(requested.length ? requested : all.map((s) => s.name));
  const ordered: PipelineStep[] = [];
  const visit = (step: PipelineStep, path: string[]) => {
    if (ordered.includes(step)) return;
    if (path.includes(step.name)) throw new Error(`pipeline steps depend on each other in a cycle: ${[...path, step.name].join(' → ')}`);
    for (const dep of step.after) {
      const d = byName.get(dep);
      if (d && wanted.has(d.name)) visit(d, [...path, step.name]);
    }
    ordered.push(step);
  };
  for (const step of all) if (wanted.has(step.name)) visit(step, []);
  return ordered;
}

export class LinkIntegrityError extends Error {
  override readonly name = 'LinkIntegrityError';
}

/**
 * The check a link statement carries (the columns have no foreign-key constraint; see links.ts): the
 * rows it wrote whose value points at no row, and one such value, found in one anti-join over the rows
 * it returned, so no table is scanned again.
 */
function danglingCheck(table: string, column: string, name: string): { cte: string; describe: (count: number, example: unknown) => string } {
  const link = linkColumn(table, column);
  if (!link) throw new LinkIntegrityError(`${table}.${column} is not a link column the pipelines may write (electron/core/pipeline/links.ts)`);
  const [c, rt, rc] = [link.column, link.references.table, link.references.column].map(checkIdentifier);
  return {
    cte: `${name} as (select count(*) as n, min(d.${c}) as example from result d where d.${c} is not null and not exists (select 1 from ${rt} r where r.${rc} = d.${c}))`,
    describe: (count, example) => `${count} ${table} row(s) would point at no ${rt} row through ${c} (e.g. ${c} = ${String(example)}); the step was rolled back`,
  };
}

function context(tx: SqlRunner, changes: TableChange[], notes: Record<string, number>, progress: (m: string) => void): StepContext {
  return {
    tx,
    async change(table, action, sql, params = [], options = {}) {
      const checks = (options.columns ?? []).map((column, i) => danglingCheck(table, column, `dangling_${i}`));
      // The statement's final SELECT returns one row per changed row; only the count, each link
      // column's check and a sample cross over. (A data-modifying WITH runs to completion however
      // little of it is read.)
      const counted = await tx.query(
        `with result as (${sql})${checks.map((c) => `, ${c.cte}`).join('')}
         select (select count(*) from result)${checks.map((_, i) => `, k${i}.n, k${i}.example`).join('')}, s.*
           from ${[...checks.map((_, i) => `dangling_${i} k${i}, `), `(select * from result limit ${sampleSize}) s`].join('')}`,
        params,
      );
      const rows = Number(counted.rows[0]?.[0] ?? 0);
      checks.forEach((check, i) => {
        const dangling = Number(counted.rows[0]?.[1 + 2 * i] ?? 0);
        if (dangling > 0) throw new LinkIntegrityError(check.describe(dangling, counted.rows[0]?.[2 + 2 * i]));
      });
      const first = 1 + 2 * checks.length;
      const sample = counted.rows.map((r) => Object.fromEntries(counted.fields.slice(first).map((f, i) => [f.name, r[i + first]])));
      const existing = changes.find((c) => c.table === table && c.action === action);
      if (existing) {
        existing.rows += rows;
        if (existing.sample.length < sampleSize) existing.sample.push(...sample.slice(0, sampleSize - existing.sample.length));
      } else {
        changes.push({ table, action, rows, sample });
      }
      return rows;
    },
    note(name, count) {
      notes[name] = (notes[name] ?? 0) + count;
    },
    progress,
  };
}

async function applyStep(tx: SqlRunner, step: PipelineStep, progress: (m: string) => void): Promise<StepReport> {
  const started = performance.now();
  const changes: TableChange[] = [];
  const notes: Record<string, number> = {};
  await step.apply(context(tx, changes, notes, progress));
  return { step: step.name, changes, notes, durationMs: Math.round(performance.now() - started) };
}

export interface PipelineOptions {
  onStep?: (report: StepReport) => void;
  onProgress?: (message: string) => void;
  /** Who runs it, for the audit row (default: the database user). */
  runBy?: string;
  /** Memory for each step's sorts and hashes (default: `stepMemoryFor(db.engine)`). */
  memory?: StepMemory;
  /**
   * Aborting stops the plan or run with PipelineCancelledError: the step in flight is rolled back (the
   * server cancels its statement; the embedded engine stops before the next one) and no later step
   * starts. Steps that committed before stay applied. A run whose steps have all committed finishes
   * its closing vacuum.
   */
  signal?: AbortSignal;
}

/**
 * `work_mem` and `maintenance_work_mem` for a step's transaction (SET LOCAL, so nothing outlives
 * it). The stock 4MB splits every hash join over a large table into batches, and a link UPDATE whose
 * table is the hashed side then rewrites its rows in hash order instead of page order: at 1M jobs the
 * customers step's `lead_status` link took 147 s that way, and the step wrote 34 GB of WAL, every page
 * being dirtied again after each checkpoint (docs/benchmarks.md, "The pipelines").
 */
export interface StepMemory {
  workMem: string;
  maintenanceWorkMem: string;
}

/**
 * The server gets enough for the 1M-job sample's link maps to hash in one batch; the embedded engine
 * lives in the app's own process (a WASM heap) and holds small samples, so it gets little.
 */
export function stepMemoryFor(engine: Database['engine']): StepMemory {
  return engine === 'server' ? { workMem: '256MB', maintenanceWorkMem: '512MB' } : { workMem: '16MB', maintenanceWorkMem: '64MB' };
}

async function beginStep(session: SqlRunner, memory: StepMemory): Promise<void> {
  await session.exec('BEGIN');
  await session.query(`select set_config('work_mem', $1, true), set_config('maintenance_work_mem', $2, true)`, [memory.workMem, memory.maintenanceWorkMem]);
}

async function withPipelineLock<T>(db: Database, signal: AbortSignal | undefined, work: (session: SqlRunner, cancellation: Cancellation) => Promise<T>): Promise<T> {
  return db.session(async (session) => {
    const got = await session.query('select pg_try_advisory_lock($1)', [pipelineLockKey]);
    if (got.rows[0]?.[0] !== true) throw new PipelineBusyError('another pipeline run is in progress on this database; wait for it to finish');
    const cancellation = new Cancellation(session, signal);
    let result: T;
    try {
      result = await work(session, cancellation);
    } catch (error) {
      cancellation.dispose();
      // The connection may be gone (that may be why the work failed): the lock went with it, and an
      // unlock error must not replace the real one.
      await session.query('select pg_advisory_unlock($1)', [pipelineLockKey]).catch(() => undefined);
      throw error;
    }
    cancellation.dispose();
    await session.query('select pg_advisory_unlock($1)', [pipelineLockKey]);
    return result;
  });
}

/**
 * The dry run: every requested step applied in order inside one transaction that is then rolled back,
 * so each step sees what the steps before it would have done, and the counts equal a run's.
 */
export async function planPipeline(db: Database, steps: PipelineStep[], options: PipelineOptions = {}): Promise<StepReport[]> {
  return withPipelineLock(db, options.signal, async (session, cancellation) => {
    const reports: StepReport[] = [];
    const memory = options.memory ?? stepMemoryFor(db.engine);
    await beginStep(session, memory);
    try {
      for (const step of steps) {
        options.onProgress?.(`planning ${step.name}`);
        cancellation.arm(true);
        const report = await applyStep(cancellation.runner(), step, (m) => options.onProgress?.(`${step.name}: ${m}`));
        cancellation.arm(false);
        await cancellation.check();
        reports.push(report);
        options.onStep?.(report);
      }
    } finally {
      cancellation.arm(false);
      await cancellation.settled();
      await session.exec('ROLLBACK');
    }
    return reports;
  });
}

/**
 * The run: each step in its own transaction with its audit row, under the pipeline lock. A step that
 * fails (or a process killed midway) leaves no partial change; its failure is audited separately.
 */
export async function runPipeline(db: Database, steps: PipelineStep[], options: PipelineOptions = {}): Promise<StepReport[]> {
  return withPipelineLock(db, options.signal, async (session, cancellation) => {
    const reports: StepReport[] = [];
    const memory = options.memory ?? stepMemoryFor(db.engine);
    const changedInRun = new Set<string>();
    for (const step of steps) {
      // Cancelled between steps: the next one never starts, so it gets no audit row.
      await cancellation.check();
      options.onProgress?.(`running ${step.name}`);
      const startedAt = new Date().toISOString();
      await beginStep(session, memory);
      try {
        cancellation.arm(true);
        const report = await applyStep(cancellation.runner(), step, (m) => options.onProgress?.(`${step.name}: ${m}`));
        // A cancel that came while the step's last statement ran still stops it before the commit.
        cancellation.arm(false);
        await cancellation.check();
        await session.query(
          `insert into pipeline_run (step, mode, run_by, status, counts, started_at, finished_at)
           values ($1, 'run', coalesce($2, current_user), 'completed', $3::jsonb, $4::timestamptz, clock_timestamp())`,
          [step.name, options.runBy ?? null, JSON.stringify({ changes: report.changes.map(({ table, action, rows }) => ({ table, action, rows })), notes: report.notes }), startedAt],
        );
        await session.exec('COMMIT');
        // Every table the step changed: its old row versions reclaimed, so that the next step's
        // updates find room on the same page and stay HOT (without it about half of them moved
        // pages and the tables grew), and statistics for the new shape of the data. Between steps
        // the indexes are skipped (INDEX_CLEANUP OFF): the link updates are HOT, so they hold little
        // to clean, and scanning every index of a table after each step cost more than the heap pass.
        const changed = report.changes.filter((c) => c.rows > 0).map((c) => c.table);
        changed.forEach((t) => changedInRun.add(t));
        if (step !== steps.at(-1)) {
          for (const table of new Set(changed)) await session.exec(`vacuum (analyze, index_cleanup off) ${checkIdentifier(table)}`);
        }
        reports.push(report);
        options.onStep?.(report);
      } catch (thrown) {
        cancellation.arm(false);
        const error = await cancellation.reason(thrown);
        await session.exec('ROLLBACK').catch(() => undefined);
        await session
          .query(
            `insert into pipeline_run (step, mode, run_by, status, error, started_at, finished_at)
             values ($1, 'run', coalesce($2, current_user), $3, $4, $5::timestamptz, clock_timestamp())`,
            [step.name, options.runBy ?? null, error instanceof PipelineCancelledError ? 'cancelled' : 'failed', error instanceof Error ? error.message : String(error), startedAt],
          )
          .catch(() => undefined);
        throw error;
      }
    }
    // Once at the end, a full VACUUM of every table the run changed, indexes included. A link update
    // that found no room on its page left a dead index entry behind, and such a page cannot be marked
    // all-visible until the indexes are cleaned; autovacuum would not come for a while (a first run
    // at 1M jobs left 608k dead rows in lead_status, below autovacuum's threshold of 765k). With the
    // visibility map set, the library's queries read covering indexes without visiting the table.
    for (const table of changedInRun) {
      options.onProgress?.(`vacuuming ${table}`);
      await session.exec(`vacuum (analyze) ${checkIdentifier(table)}`);
    }
    return reports;
  });
}

export function totalChanges(report: StepReport): number {
  return report.changes.reduce((n, c) => n + c.rows, 0);
}

export type { StepName };
