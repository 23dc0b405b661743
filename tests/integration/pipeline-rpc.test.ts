import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../shared/contract/index.ts';
import { importFiles, expandPaths } from '../../electron/core/import/index.ts';
import { QueryCatalog, scanLibrary } from '../../electron/core/library/catalog.ts';
import { migrate, projectMigrations } from '../../electron/core/migrate/index.ts';
import { runPipeline } from '../../electron/core/pipeline/index.ts';
import { createHandlers, mapCoreError } from '../../electron/core/rpc/handlers.ts';
import { PipelineWork } from '../../electron/core/rpc/pipeline-work.ts';
import { runSeedPipelines } from '../../electron/core/seed.ts';
import { generateSample } from '../../electron/core/sample/index.ts';
import { engines, freshDatabase } from '../support/engines.ts';
import { tableChecksums } from '../support/table-checksums.ts';
import type { CallContext, Dispatch, MethodResult, PipelineProgress, Result } from '../../shared/contract/index.ts';
import type { Database } from '../../electron/core/db/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wb-pipeline-rpc-'));
const sampleDir = join(scratch, 'sample');
beforeAll(async () => {
  await generateSample({ outDir: sampleDir, jobs: 300, seed: 5 });
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A caller that keeps the events sent to it. */
function caller(): CallContext & { progress: PipelineProgress[] } {
  const progress: PipelineProgress[] = [];
  return {
    progress,
    emit(event, payload) {
      if (event === 'pipeline/progress') progress.push(payload as PipelineProgress);
    },
  };
}

/** A caller that sends `cancel` once, from inside the work, on the first progress message matching `when`. */
function cancellingCaller(when: RegExp, cancel: () => Promise<Result<unknown>>) {
  const context = caller();
  const keep = context.emit.bind(context);
  let answer: Promise<Result<unknown>> | undefined;
  context.emit = (event, payload) => {
    keep(event, payload);
    if (event === 'pipeline/progress' && when.test((payload as PipelineProgress).message)) answer ??= cancel();
  };
  return { context, answer: () => answer };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const ordered = ['branches', 'lead-sources', 'sales-persons', 'quote-linkage', 'customers', 'badlead-linkage', 'customer-timeline', 'performance-linkage'];
const counts = (reports: MethodResult<'pipeline/plan'>['reports']) => reports.map((r) => [r.step, r.changes.map((c) => [c.table, c.action, c.rows])]);

describe.each(engines)('pipeline methods over the contract on the $name engine', (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let dispatch: Dispatch;
  let work: PipelineWork;
  const call = async <T = unknown>(method: string, args: unknown, context: CallContext = caller()) => (await dispatch(method, args, context)) as Result<T>;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(engine));
    await migrate(db, projectMigrations());
    await importFiles(db, expandPaths([sampleDir]), { rejectsDir: join(scratch, `rejects-${engine.name}`) });
    work = new PipelineWork();
    dispatch = createDispatch(createHandlers({ db, catalog: new QueryCatalog(scanLibrary()), migrations: projectMigrations(), pipelines: work }), mapCoreError);
  }, 180_000);
  afterAll(async () => dispose());

  /** A fresh database with the sample imported, and the contract over it with pipeline work of its own. */
  async function freshImported(label: string) {
    const fresh = await freshDatabase(engine);
    try {
      await migrate(fresh.db, projectMigrations());
      await importFiles(fresh.db, expandPaths([sampleDir]), { rejectsDir: join(scratch, `rejects-${label}-${engine.name}`) });
    } catch (error) {
      await fresh.dispose();
      throw error;
    }
    const pipelines = new PipelineWork();
    const dispatch = createDispatch(createHandlers({ db: fresh.db, catalog: new QueryCatalog(scanLibrary()), migrations: projectMigrations(), pipelines }), mapCoreError);
    return { ...fresh, pipelines, dispatch };
  }

  it('lists the eight steps in dependency order, none run yet', async () => {
    const list = value(await call<MethodResult<'pipeline/list'>>('pipeline/list', {}));
    expect(list.steps.map((s) => s.name)).toEqual(ordered);
    expect(list.steps.find((s) => s.name === 'customer-timeline')?.after).toEqual(['customers']);
    expect(list.steps.every((s) => s.description.length > 10 && s.lastRun === null)).toBe(true);
    expect(list.active).toBeNull();
    expect(list.lastRunsPending).toBe(false);
  });

  it('rejects an unknown step by name, listing the valid ones', async () => {
    const result = await call('pipeline/plan', { steps: ['customers', 'custmers'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(result.ok ? '' : result.error.message).toBe(`pipeline/plan: steps.1: unknown pipeline step "custmers"; the steps are branches, lead-sources, sales-persons, customers, quote-linkage, badlead-linkage, customer-timeline, performance-linkage`);
  });

  let planned: MethodResult<'pipeline/plan'>;

  it('plans every step with progress events and changes nothing', async () => {
    const before = await tableChecksums(db);
    const context = caller();
    planned = value(await call<MethodResult<'pipeline/plan'>>('pipeline/plan', { runId: 'plan-0001' }, context));
    expect(await tableChecksums(db)).toEqual(before);
    expect(planned.runId).toBe('plan-0001');
    expect(planned.reports.map((r) => r.step)).toEqual(ordered);
    const changes = planned.reports.flatMap((r) => r.changes);
    expect(changes.filter((c) => c.rows > 0).length).toBeGreaterThan(5);
    expect(changes.find((c) => c.table === 'branch' && c.action === 'insert')?.sample.length).toBeGreaterThan(0);

    const events = context.progress;
    expect(events.every((e) => e.runId === 'plan-0001' && e.mode === 'plan' && e.origin === 'user' && e.total === 8)).toBe(true);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.slice(0, -1).every((e) => e.phase === 'planning')).toBe(true);
    expect(events.at(-1)).toMatchObject({ phase: 'done', index: 8, step: null });
    expect(events.filter((e) => e.finished).map((e) => e.finished?.step)).toEqual(ordered);
    // The step in flight advances one by one, never backwards.
    const indexes = events.map((e) => e.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(new Set(indexes)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
  }, 240_000);

  it('plans only the steps asked for, in dependency order', async () => {
    const plan = value(await call<MethodResult<'pipeline/plan'>>('pipeline/plan', { steps: ['customer-timeline', 'branches'] }));
    expect(plan.reports.map((r) => r.step)).toEqual(['branches', 'customer-timeline']);
  });

  it('runs with the planned counts while a second plan is refused as busy and a follower hears the progress', async () => {
    const runner = caller();
    const follower = caller();
    const running = call<MethodResult<'pipeline/run'>>('pipeline/run', { runId: 'run-00000001' }, runner);
    const busy = await call('pipeline/plan', {});
    expect(busy).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(busy.ok ? '' : busy.error.message).toMatch(/another pipeline run is in progress: step \d of 8; wait for it to finish/);
    const following = call<MethodResult<'pipeline/follow'>>('pipeline/follow', {}, follower);
    const during = value(await call<MethodResult<'pipeline/list'>>('pipeline/list', {}));
    expect(during.active).toMatchObject({ runId: 'run-00000001', mode: 'run', phase: 'running', total: 8 });
    // The embedded engine's one connection is the run's until it ends: the list says so instead of waiting.
    expect(during.lastRunsPending).toBe(engine.name === 'embedded');

    const run = value(await running);
    expect(counts(run.reports)).toEqual(counts(planned.reports));
    const followed = value(await following);
    expect(followed.activity).toMatchObject({ runId: 'run-00000001', phase: 'done', index: 8, total: 8 });
    expect(followed.activity?.finished.map((f) => f.step)).toEqual(ordered);
    expect(follower.progress.length).toBeGreaterThan(0);
    expect(follower.progress.at(-1)).toMatchObject({ runId: 'run-00000001', phase: 'done' });
    expect(runner.progress.at(-1)?.seq).toBe(follower.progress.at(-1)?.seq);
    expect(value(await call<MethodResult<'pipeline/follow'>>('pipeline/follow', {})).activity).toBeNull();
  }, 240_000);

  it('shows each step\'s last run and the audit rows, page by page', async () => {
    const list = value(await call<MethodResult<'pipeline/list'>>('pipeline/list', {}));
    for (const step of list.steps) {
      expect(step.lastRun, step.name).toMatchObject({ step: step.name, mode: 'run', status: 'completed', error: null });
      expect(Date.parse(step.lastRun?.startedAt ?? '')).toBeGreaterThan(Date.now() - 10 * 60_000);
      expect(step.lastRun?.durationMs).toBeGreaterThanOrEqual(0);
    }
    const quotes = list.steps.find((s) => s.name === 'quote-linkage')?.lastRun;
    const plannedQuotes = planned.reports.find((r) => r.step === 'quote-linkage');
    expect(quotes?.changes).toEqual(plannedQuotes?.changes.map(({ table, action, rows }) => ({ table, action, rows })));
    expect(quotes?.notes).toEqual(plannedQuotes?.notes);

    const first = value(await call<MethodResult<'pipeline/history'>>('pipeline/history', { limit: 5 }));
    expect(first.rows.map((r) => r.step)).toEqual([...ordered].reverse().slice(0, 5));
    expect(first.nextBeforeId).toBe(first.rows[4]?.id);
    const second = value(await call<MethodResult<'pipeline/history'>>('pipeline/history', { limit: 5, beforeId: first.nextBeforeId }));
    expect(second.rows.map((r) => r.step)).toEqual([...ordered].reverse().slice(5));
    expect(second.nextBeforeId).toBeNull();
    const one = value(await call<MethodResult<'pipeline/history'>>('pipeline/history', { step: 'customers' }));
    expect(one.rows.map((r) => r.step)).toEqual(['customers']);
  });

  it('finds nothing left to do on a second plan', async () => {
    const again = value(await call<MethodResult<'pipeline/plan'>>('pipeline/plan', {}));
    expect(again.reports.flatMap((r) => r.changes).filter((c) => c.rows > 0)).toEqual([]);
  });

  it('answers a failed step with the step, the committed steps, and no change from the failed one', async () => {
    // A fresh database whose customer table refuses inserts: the customers step fails midway.
    const fresh = await freshImported('fail');
    try {
      await fresh.db.write((tx) =>
        tx.exec(`create function refuse_customer() returns trigger language plpgsql as $$ begin raise exception 'customers are frozen for this test'; end $$;
                  create trigger refuse_customer before insert on customer for each statement execute function refuse_customer();`),
      );
      const context = caller();
      const result = await fresh.dispatch('pipeline/run', {}, context);
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'database',
          detail: { mode: 'run', step: 'customers', reason: 'customers are frozen for this test', completed: ['branches', 'lead-sources', 'sales-persons', 'quote-linkage'], sqlstate: 'P0001' },
        },
      });
      expect(result.ok ? '' : result.error.message).toMatch(
        /^pipeline step "customers" failed: customers are frozen for this test — its changes were rolled back, so it changed nothing; the 4 step\(s\) before it \(branches, lead-sources, sales-persons, quote-linkage\) completed and stay applied$/,
      );
      expect(context.progress.at(-1)).toMatchObject({ phase: 'failed', step: 'customers', index: 5, error: expect.stringContaining('frozen') });
      expect((await fresh.db.read('select count(*) from customer')).rows).toEqual([[0]]);
      const audit = await fresh.db.read(`select step, status, error from pipeline_run order by pipeline_run_id`);
      expect(audit.rows.at(-1)).toEqual(['customers', 'failed', 'customers are frozen for this test']);
      expect(audit.rows.map((r) => r[0])).toEqual(['branches', 'lead-sources', 'sales-persons', 'quote-linkage', 'customers']);
    } finally {
      await fresh.dispose();
    }
  }, 240_000);

  it('cancels a run in its customers step: that step changes nothing, the steps before stay, the answer and the events say so', async () => {
    const fresh = await freshImported('cancel');
    const cancelling = fresh.dispatch;
    try {
      expect(await cancelling('pipeline/cancel', { runId: 'run-00000009' }, caller())).toEqual({ ok: true, value: { cancelled: false } });
      // The cancel is sent from inside the step (when it reports its records), as a window's click
      // arrives while the step runs: on the embedded engine between two statements, on the server
      // during one (which the server cancels) or between two.
      const { context, answer } = cancellingCaller(/^customers: \d+ records$/, () => cancelling('pipeline/cancel', { runId: 'run-00000010' }, caller()));
      const result = await cancelling('pipeline/run', { runId: 'run-00000010' }, context);
      expect(await answer()).toEqual({ ok: true, value: { cancelled: true } });
      const completed = ['branches', 'lead-sources', 'sales-persons', 'quote-linkage'];
      expect(result).toMatchObject({ ok: false, error: { code: 'cancelled', detail: { mode: 'run', step: 'customers', reason: 'cancelled by the user', completed } } });
      expect(result.ok ? '' : result.error.message).toBe(
        'pipeline run cancelled by the user at step "customers" — its changes were rolled back, so it changed nothing; the 4 step(s) before it (branches, lead-sources, sales-persons, quote-linkage) completed and stay applied',
      );
      expect(context.progress.at(-1)).toMatchObject({ runId: 'run-00000010', phase: 'cancelled', step: 'customers', index: 5 });
      expect(context.progress.map((p) => p.message)).toContain('cancelling: the step in flight stops and is rolled back');
      expect((await fresh.db.read('select count(*) from customer')).rows).toEqual([[0]]);
      expect((await fresh.db.read('select count(*) from lead_status where customer_id is not null')).rows).toEqual([[0]]);
      expect((await fresh.db.read('select count(*) from lead_status where branch_id is not null')).rows[0]?.[0]).toBeGreaterThan(0);
      const audit = await fresh.db.read(`select step, status, error from pipeline_run order by pipeline_run_id`);
      expect(audit.rows).toEqual([...completed.map((step) => [step, 'completed', null]), ['customers', 'cancelled', 'cancelled by the user']]);
      // Nothing is left held: the next run starts at once and completes the remaining steps.
      const rest = value((await cancelling('pipeline/run', { steps: ['customers', 'badlead-linkage', 'customer-timeline', 'performance-linkage'] }, caller())) as Result<MethodResult<'pipeline/run'>>);
      expect(rest.reports.find((r) => r.step === 'customers')?.changes.find((c) => c.table === 'customer')?.rows).toBeGreaterThan(0);
    } finally {
      await fresh.dispose();
    }
  }, 240_000);

  it('cancels a plan, which changes nothing either way', async () => {
    const before = await tableChecksums(db);
    const { context, answer } = cancellingCaller(/^planning lead-sources$/, () => call('pipeline/cancel', { runId: 'plan-0000011' }));
    const result = await call('pipeline/plan', { runId: 'plan-0000011' }, context);
    expect(await answer()).toEqual({ ok: true, value: { cancelled: true } });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled', detail: { mode: 'plan', step: 'lead-sources', completed: [] } } });
    expect(result.ok ? '' : result.error.message).toMatch(/^pipeline plan cancelled by the user at step "lead-sources" — nothing was changed/);
    expect(context.progress.at(-1)).toMatchObject({ phase: 'cancelled', step: 'lead-sources' });
    expect(await tableChecksums(db)).toEqual(before);
  }, 240_000);

  it('tracks the first start\'s background run as pipeline work a window can follow', async () => {
    const fresh = await freshImported('seed');
    const { dispatch: seeded, pipelines: seedWork } = fresh;
    try {
      const log: string[] = [];
      const follower = caller();
      let following: Promise<Result<unknown>> | undefined;
      // A window that opens while the background run is in flight follows it from its first message on.
      await runSeedPipelines(
        fresh.db,
        (m) => {
          log.push(m);
          following ??= seeded('pipeline/follow', {}, follower);
        },
        seedWork.tracked('first-start', runPipeline),
      );
      const followed = value((await following) as Result<MethodResult<'pipeline/follow'>>);
      expect(followed.activity).toMatchObject({ origin: 'first-start', mode: 'run', phase: 'done', index: 8, total: 8 });
      expect(follower.progress.every((e) => e.origin === 'first-start')).toBe(true);
      expect(log.at(-1)).toMatch(/^sample ready: pipelines finished/);
    } finally {
      await fresh.dispose();
    }
  }, 240_000);
});
