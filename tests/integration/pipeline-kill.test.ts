import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/index.ts';
import { orderSteps, pipelineSteps } from '../../electron/core/pipeline/index.ts';
import { generateSample } from '../../electron/core/sample/index.ts';
import { comparableChecksums } from '../support/comparable-checksums.ts';
import { copyDatabase } from '../support/database-copy.ts';
import { engines } from '../support/engines.ts';
import { tableChecksums } from '../support/table-checksums.ts';
import { startWorkbench } from '../support/workbench-process.ts';
import type { ExpectStatic } from 'vitest';
import type { Database, DatabaseTarget } from '../../electron/core/db/index.ts';
import type { StepReport } from '../../electron/core/pipeline/index.ts';
import type { TestEngine } from '../support/engines.ts';
import type { WorkbenchProcess } from '../support/workbench-process.ts';

/*
 * A pipeline step interrupted midway (its process killed, or its connection dropped) must leave no
 * partial change, no audit row saying it completed, and no lock: the next run completes and ends
 * where an uninterrupted run ends. See docs/architecture.md, "Pipelines".
 */

const scratch = mkdtempSync(join(tmpdir(), 'wb-pipeline-kill-'));
const sampleDir = join(scratch, 'sample');
const cliEnv = { WORKBENCH_HOME: join(scratch, 'home') };
const cleanups: (() => Promise<void>)[] = [];
/** Every workbench child still running: a test that timed out must not leave one behind. */
const running = new Set<WorkbenchProcess>();

const stepNames = orderSteps(pipelineSteps, []).map((s) => s.name);
/** The step interrupted: it inserts sales persons and aliases, links four tables, then queues merge candidates. */
const killedStep = 'sales-persons';
/** Its progress line after its inserts and before its links: an interruption after it lands mid-step, after writes. */
const midStep = /^sales-persons: linking rows$/;
/** Committed by a run of their own first: what they leave is what the interrupted step must leave. */
const stepsBefore = stepNames.slice(0, stepNames.indexOf(killedStep));
/** The run that is interrupted, then run again. */
const stepsFrom = stepNames.slice(stepNames.indexOf(killedStep));
const progressLine = new RegExp(`^(running (${stepNames.join('|')})|(${stepNames.join('|')}): .*)$`);

beforeAll(async () => {
  await generateSample({ outDir: sampleDir, jobs: 2000, seed: 11 });
}, 120_000);

afterAll(async () => {
  for (const run of running) run.kill('SIGKILL');
  await Promise.allSettled([...running].map((run) => run.exit));
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  rmSync(scratch, { recursive: true, force: true });
}, 120_000);

function start(args: string[]): WorkbenchProcess {
  const run = startWorkbench(args, cliEnv);
  running.add(run);
  const forget = () => running.delete(run);
  run.exit.then(forget, forget);
  return run;
}

const dbArg = (target: DatabaseTarget) => (target.kind === 'server' ? target.url : target.directory);

async function cli(args: string[]): Promise<string> {
  const r = await start(args).exit;
  if (r.code !== 0) throw new Error(`workbench ${args.join(' ')} exited with ${r.code ?? r.signal}:\n${r.stderr}`);
  return r.stdout;
}

async function withDatabase<T>(target: DatabaseTarget, work: (db: Database) => Promise<T>): Promise<T> {
  // A short lock wait: no live process holds these folders when the test opens them.
  const db = await openDatabase(target, { lockWaitMs: 5_000 });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const countsOf = (reports: StepReport[]) => reports.map((r) => [r.step, r.changes.map((c) => [c.table, c.action, c.rows]), r.notes]);

/** Runs the steps from the killed one on; the per-step counts it reports. */
async function runFromKilledStep(target: DatabaseTarget): Promise<ReturnType<typeof countsOf>> {
  const out = await cli(['pipeline', 'run', ...stepsFrom, '--db', dbArg(target), '--json']);
  return countsOf((JSON.parse(out) as { steps: StepReport[] }).steps);
}

const imported = new Map<string, Promise<DatabaseTarget>>();
const uninterrupted = new Map<string, Promise<{ target: DatabaseTarget; counts: ReturnType<typeof countsOf> }>>();
const uninterruptedChecksums = new Map<string, Promise<Record<string, string>>>();

/** The sample imported and the steps before the killed one committed, once per engine; closed, ready to copy. */
function importedThroughStepsBefore(engine: TestEngine): Promise<DatabaseTarget> {
  let ready = imported.get(engine.name);
  if (!ready) {
    ready = (async () => {
      const { target, cleanup } = await engine.create();
      cleanups.push(cleanup);
      await cli(['import', sampleDir, '--db', dbArg(target), '--rejects-dir', join(scratch, `rejects-${engine.name}`)]);
      await cli(['pipeline', 'run', ...stepsBefore, '--db', dbArg(target)]);
      return target;
    })();
    imported.set(engine.name, ready);
  }
  return ready;
}

/** The same run, never interrupted, on a fresh copy (in a child process, so it runs alongside the test). */
function uninterruptedRun(engine: TestEngine) {
  let run = uninterrupted.get(engine.name);
  if (!run) {
    run = (async () => {
      const { target, cleanup } = await copyDatabase(await importedThroughStepsBefore(engine), 'whole');
      cleanups.push(cleanup);
      return { target, counts: await runFromKilledStep(target) };
    })();
    run.catch(() => undefined);
    uninterrupted.set(engine.name, run);
  }
  return run;
}

/**
 * What the uninterrupted run ends with. Read only once the interruption is over: the embedded engine
 * runs each statement synchronously on this thread, and a long read during the kill window would delay
 * the kill past the step's end.
 */
function uninterruptedOutcome(engine: TestEngine): Promise<Record<string, string>> {
  let sums = uninterruptedChecksums.get(engine.name);
  if (!sums) {
    sums = uninterruptedRun(engine).then(({ target }) => withDatabase(target, comparableChecksums));
    uninterruptedChecksums.set(engine.name, sums);
  }
  return sums;
}

/**
 * On the server, a session that holds `merge_candidate` against writes: the killed step's last write
 * waits on it, so the interruption lands deterministically mid-step, after every other write of the step.
 * A second session watches, because pg_stat_activity inside a transaction is a frozen snapshot.
 */
async function holdCandidateQueue(url: string) {
  const holder = new pg.Client({ connectionString: url, application_name: 'pipeline-kill-test' });
  const watcher = new pg.Client({ connectionString: url, application_name: 'pipeline-kill-test' });
  await holder.connect();
  await watcher.connect();
  await holder.query('begin');
  await holder.query('lock table merge_candidate in exclusive mode');
  const holderPid = Number((await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid);
  const poll = async <T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, run?: WorkbenchProcess): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (run?.exited) throw new Error(`workbench ended while waiting for ${what}: ${JSON.stringify(await run.exit)}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await holder.query('rollback');
  };
  return {
    /** The pipeline's backend, once it waits on the held table. */
    blockedBackend: (run: WorkbenchProcess, timeoutMs: number) =>
      poll('the pipeline to wait on merge_candidate', timeoutMs, async () => {
        const r = await watcher.query<{ pid: number }>(`select pid from pg_stat_activity where $1 = any(pg_blocking_pids(pid))`, [holderPid]);
        return r.rows[0]?.pid;
      }, run),
    /** Tables the backend has written in its open transaction. */
    tablesWrittenBy: async (pid: number) =>
      (
        await watcher.query<{ name: string }>(
          `select c.relname::text as name from pg_locks l join pg_class c on c.oid = l.relation
            where l.pid = $1 and l.granted and l.mode = 'RowExclusiveLock' and c.relkind = 'r' order by 1`,
          [pid],
        )
      ).rows.map((r) => r.name),
    terminate: async (pid: number) => (await watcher.query<{ ok: boolean }>('select pg_terminate_backend($1) as ok', [pid])).rows[0]?.ok,
    release,
    /** A backend whose client died runs its statement to the end before it notices; its locks go with it. */
    gone: (pid: number, timeoutMs: number) =>
      poll(`backend ${pid} to end`, timeoutMs, async () => {
        const r = await watcher.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where pid = $1', [pid]);
        return r.rows[0]?.n === 0 ? true : undefined;
      }),
    advisoryLocks: async () =>
      (await watcher.query<{ n: number }>(`select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`)).rows[0]?.n,
    close: async () => {
      await release().catch(() => undefined);
      await holder.end().catch(() => undefined);
      await watcher.end().catch(() => undefined);
    },
  };
}

type Interruption = 'SIGKILL' | 'pg_terminate_backend' | 'SIGINT';

/**
 * On the embedded engine there is no second session to hold a table, so the copy gets a statement
 * trigger that sleeps before the killed step's last write (its insert into `merge_candidate`, which
 * runs even when it queues nothing new). The step has then written everything else in its transaction,
 * and the interruption lands mid-step however late this thread sees the progress line, as long as it
 * is within the pause. A SIGKILL ends the process at once; Ctrl+C waits out the pause, since the
 * embedded engine runs a statement to its end, and then stops the step before its commit. The trigger
 * is dropped before anything is compared, and the tables' rows are all the checksums read.
 */
const embeddedPauseSeconds: Record<Interruption, number> = { SIGKILL: 300, SIGINT: 20, pg_terminate_backend: 0 };

async function pauseBeforeCandidateQueue(target: DatabaseTarget, seconds: number): Promise<void> {
  await withDatabase(target, (db) =>
    db.write((tx) =>
      tx.exec(`create function pipeline_kill_test_pause() returns trigger language plpgsql as $$
                 begin perform pg_sleep(${Number(seconds)}); return null; end $$;
               create trigger pipeline_kill_test_pause before insert on merge_candidate
                 for each statement execute function pipeline_kill_test_pause()`),
    ),
  );
}

async function dropPause(target: DatabaseTarget): Promise<void> {
  await withDatabase(target, (db) =>
    db.write((tx) => tx.exec(`drop trigger pipeline_kill_test_pause on merge_candidate; drop function pipeline_kill_test_pause()`)),
  );
}

/** What Ctrl+C prints: the cancel, then one line naming the step rolled back. */
function expectCancelled(ended: { code: number | null; stderr: string }, expect: ExpectStatic): void {
  expect.soft(ended.code).toBe(130);
  expect.soft(ended.stderr.split('\n').filter((l) => l !== '' && !progressLine.test(l))).toEqual([
    'cancelling: the step in flight is rolled back (press Ctrl+C again to quit at once)…',
    `workbench: pipeline run cancelled by the user at step "${killedStep}" — its changes were rolled back, so it changed nothing`,
  ]);
}

async function interruptThenRunAgain(engine: TestEngine, how: Interruption, expect: ExpectStatic): Promise<void> {
  const base = await importedThroughStepsBefore(engine);
  const reference = uninterruptedRun(engine);
  const { target, cleanup } = await copyDatabase(base, ({ SIGKILL: 'killed', pg_terminate_backend: 'dropped', SIGINT: 'cancelled' } as const)[how]);
  cleanups.push(cleanup);
  const committed = await withDatabase(target, tableChecksums);

  const queue = target.kind === 'server' ? await holdCandidateQueue(target.url) : undefined;
  if (target.kind === 'embedded') await pauseBeforeCandidateQueue(target, embeddedPauseSeconds[how]);
  const run = start(['pipeline', 'run', ...stepsFrom, '--db', dbArg(target)]);
  try {
    await run.waitForStderr(midStep, 120_000);
    if (queue) {
      const backend = await queue.blockedBackend(run, 120_000);
      // The step has written in its transaction: the tables it holds for writing include its own.
      expect(await queue.tablesWrittenBy(backend)).toEqual(expect.arrayContaining(['sales_person', 'sales_person_alias', 'job']));
      if (how === 'pg_terminate_backend') expect(await queue.terminate(backend)).toBe(true);
      else run.kill(how);
      // Ctrl+C cancels the statement waiting on the held table: the run ends while the table is still held.
      const ended = await run.exit;
      await queue.release();
      await queue.gone(backend, 60_000);
      expect(await queue.advisoryLocks()).toBe(0);
      if (how === 'SIGKILL') {
        expect(ended.signal).toBe('SIGKILL');
      } else if (how === 'SIGINT') {
        expectCancelled(ended, expect);
      } else {
        // A clear one-line error that says why, not a crash or a stack trace. Soft: the data must be
        // checked below whatever the message.
        expect.soft(ended.code).toBe(1);
        expect.soft(ended.stderr.split('\n').filter((l) => l !== '' && !progressLine.test(l))).toEqual([expect.stringMatching(/^workbench: .+ \[SQLSTATE 57P01\]$/)]);
      }
    } else if (how === 'SIGINT') {
      // The embedded engine cannot interrupt a statement: the step stops when the pause ends, before its commit.
      run.kill('SIGINT');
      expectCancelled(await run.exit, expect);
    } else {
      run.kill('SIGKILL');
      const ended = await run.exit;
      expect(ended.signal).toBe('SIGKILL');
      // The killed process could not remove its folder lock; the next open must take it over, not wait.
      expect(readFileSync(join(dbArg(target), 'workbench.lock'), 'utf8').trim()).toBe(String(run.pid));
    }
  } finally {
    run.kill('SIGKILL');
    await queue?.close();
  }
  if (target.kind === 'embedded') {
    await run.exit;
    await dropPause(target);
  }

  const after = await withDatabase(target, async (db) => ({
    audit: (await db.read(`select step, status from pipeline_run order by pipeline_run_id`)).rows,
    checksums: await tableChecksums(db),
  }));
  expect(after.audit, `the interruption came after ${killedStep} completed: it did not land mid-step`).not.toContainEqual([killedStep, 'completed']);
  // A cancelled step is audited as such; a killed one could write nothing.
  expect(after.audit).toEqual([...stepsBefore.map((step) => [step, 'completed']), ...(how === 'SIGINT' ? [[killedStep, 'cancelled']] : [])]);
  // Every table as the steps before left it (a cancel adds its audit row, checked above).
  const data = ({ pipeline_run: audit, ...tables }: Record<string, string>) => (how === 'SIGINT' ? tables : { ...tables, pipeline_run: audit });
  expect(data(after.checksums)).toEqual(data(committed));

  // The next run is not refused (no lock left behind) and ends where an uninterrupted run ends.
  const counts = await runFromKilledStep(target);
  expect(counts).toEqual((await reference).counts);
  expect(data(await withDatabase(target, comparableChecksums))).toEqual(data(await uninterruptedOutcome(engine)));
}

describe.concurrent('a pipeline step interrupted midway', () => {
  for (const engine of engines) {
    it(`on the ${engine.name} engine, a SIGKILL leaves no partial change and the next run ends as an uninterrupted one`, async ({ expect }) => {
      await interruptThenRunAgain(engine, 'SIGKILL', expect);
    }, 480_000);
    it(`on the ${engine.name} engine, Ctrl+C cancels the step in flight with exit code 130, leaves no partial change, and the next run completes`, async ({ expect }) => {
      await interruptThenRunAgain(engine, 'SIGINT', expect);
    }, 480_000);
    if (engine.name === 'server') {
      it('on the server engine, a terminated connection fails the run with one line, leaves no partial change, and the next run completes', async ({ expect }) => {
        await interruptThenRunAgain(engine, 'pg_terminate_backend', expect);
      }, 480_000);
    }
  }
});
