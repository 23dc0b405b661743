import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, expandPaths } from '../../electron/core/import/index.ts';
import { migrate, projectMigrations } from '../../electron/core/migrate/index.ts';
import { orderSteps, pipelineSteps, planPipeline, runPipeline, LinkIntegrityError, PipelineBusyError } from '../../electron/core/pipeline/index.ts';
import { generateSample } from '../../electron/core/sample/index.ts';
import { pipelineStepNames } from '../../shared/contract/index.ts';
import { engines, freshDatabase } from '../support/engines.ts';
import { tableChecksums } from '../support/table-checksums.ts';
import type { Database } from '../../electron/core/db/index.ts';
import type { PipelineStep, StepReport } from '../../electron/core/pipeline/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wb-pipeline-'));
const sampleDir = join(scratch, 'sample');
beforeAll(async () => {
  await generateSample({ outDir: sampleDir, jobs: 500, seed: 11 });
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const counts = (reports: StepReport[]) => reports.map((r) => [r.step, r.changes.map((c) => [c.table, c.action, c.rows])]);

function csv(path: string): Record<string, string>[] {
  const [head = '', ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = head.split(',');
  return lines.map((l) => Object.fromEntries(l.replace(/\r$/, '').split(',').map((v, i) => [names[i]?.trim() ?? `c${i}`, v])));
}

it('has one step for every name the contract lists, and no other', () => {
  expect(pipelineSteps.map((s) => s.name).sort()).toEqual([...pipelineStepNames].sort());
});

describe.each(engines)('pipelines on the $name engine', (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  const steps = orderSteps(pipelineSteps, []);

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(engine));
    await migrate(db, projectMigrations());
    await importFiles(db, expandPaths([sampleDir]), { rejectsDir: join(scratch, 'rejects') });
  }, 300_000);
  afterAll(async () => dispose());

  it('plans without changing anything, then runs with the counts it planned, then finds nothing to do', async () => {
    const before = await tableChecksums(db);
    const plan = await planPipeline(db, steps);
    expect(await tableChecksums(db)).toEqual(before);
    const run = await runPipeline(db, steps);
    expect(counts(run)).toEqual(counts(plan));
    expect(run.flatMap((r) => r.changes).reduce((n, c) => n + c.rows, 0)).toBeGreaterThan(0);
    // The run ends with a full VACUUM of what it changed: every page all-visible, so covering indexes
    // answer the library's queries without visiting the table (migration 0011).
    const notAllVisible = await db.read(
      `select relname::text, relpages, relallvisible from pg_class
        where relname in ('lead_status', 'booked_opportunity', 'job', 'lost_lead', 'bad_lead', 'customer') and relallvisible < relpages order by 1`,
    );
    expect(notAllVisible.rows).toEqual([]);
    const again = await runPipeline(db, steps);
    expect(again.flatMap((r) => r.changes).filter((c) => c.rows > 0)).toEqual([]);
    const audit = await db.read(`select step, status from pipeline_run where mode = 'run' order by pipeline_run_id`);
    expect(audit.rows).toEqual([...steps, ...steps].map((s) => [s.name, "completed"]));
  }, 240_000);

  it('links every lead and lost lead to its opportunity by quote, and nothing falsely', async () => {
    const links = csv(join(sampleDir, 'truth', 'quote_links.csv'));
    const expected = new Map<string, string>();
    const expectedLost = new Map<string, string>();
    for (const l of links) {
      if (l.lead_status_row && l.booked_opportunities_row) expected.set(l.lead_status_row, l.booked_opportunities_row);
      if (l.lost_leads_row && l.booked_opportunities_row) expectedLost.set(l.lost_leads_row, l.booked_opportunities_row);
    }
    const actual = await db.read(
      `select l.source_row, o.source_row from lead_status l join booked_opportunity o using (booked_opportunity_id)`,
    );
    const got = new Map(actual.rows.map(([lead, opp]) => [String(lead), String(opp)]));
    expect(got.size).toBe(expected.size);
    for (const [lead, opp] of expected) expect(got.get(lead)).toBe(opp);
    const jobs = await db.read(`select count(*) filter (where o.quote_number = j.quote_number), count(*) from job j join booked_opportunity o using (booked_opportunity_id)`);
    expect(Number(jobs.rows[0]?.[1])).toBeGreaterThan(0);
    expect(jobs.rows[0]?.[0]).toBe(jobs.rows[0]?.[1]);
    const lost = await db.read(`select l.source_row, o.source_row from lost_lead l join booked_opportunity o using (booked_opportunity_id)`);
    const gotLost = new Map(lost.rows.map(([row, opp]) => [String(row), String(opp)]));
    expect(gotLost.size).toBe(expectedLost.size);
    for (const [row, opp] of expectedLost) expect(gotLost.get(row)).toBe(opp);
  });

  it('links every lost lead to the lead of its quote, leaves orphans unlinked, and nothing falsely', async () => {
    const expected = new Map<string, string>();
    let orphans = 0;
    for (const l of csv(join(sampleDir, 'truth', 'quote_links.csv'))) {
      if (!l.lost_leads_row) continue;
      if (l.lead_status_row) expected.set(l.lost_leads_row, l.lead_status_row);
      else orphans += 1;
    }
    expect(expected.size).toBeGreaterThan(0);
    expect(orphans).toBeGreaterThan(0);
    const linked = await db.read(`select t.source_row, l.source_row from lost_lead t join lead_status l using (lead_id)`);
    const got = new Map(linked.rows.map(([lost, lead]) => [String(lost), String(lead)]));
    expect(got.size).toBe(expected.size);
    for (const [lost, lead] of expected) expect(got.get(lost), `lost-lead row ${lost}`).toBe(lead);
    const unlinked = await db.read(`select count(*) from lost_lead where lead_id is null`);
    expect(Number(unlinked.rows[0]?.[0])).toBe(orphans);
  });

  it('folds every branch spelling of the canonical sources into a branch row, and links every job', async () => {
    const unlinked = await db.read(`select count(*) from job where raw_branch is not null and branch_id is null`);
    expect(unlinked.rows).toEqual([[0]]);
  });

  it('links every lead, opportunity and BOOKED/CLOSED job to a customer, and no other job', async () => {
    const jobs = await db.read(`select count(*) filter (where status in ('BOOKED', 'CLOSED') and customer_id is null),
                                       count(*) filter (where status not in ('BOOKED', 'CLOSED') and customer_id is not null) from job`);
    expect(jobs.rows).toEqual([[0, 0]]);
    const leads = await db.read(`select count(*) from lead_status where customer_id is null`);
    expect(leads.rows).toEqual([[0]]);
    const timeline = await db.read(`select count(*) from customer c
       where c.job_count <> (select count(*) from job j where j.customer_id = c.customer_id)
          or c.first_lead_at is distinct from (select min(received_at)::date from lead_status l where l.customer_id = c.customer_id)`);
    expect(timeline.rows).toEqual([[0]]);
  });

  it('resolves customers close to the truth: pairwise precision ≥ 0.95, recall ≥ 0.99', async () => {
    const truth = new Map<string, string>();
    for (const r of csv(join(sampleDir, 'truth', 'customers.csv'))) if (r.file !== 'bad_lead') truth.set(`${r.file}:${r.source_row}`, String(r.customer_id).trim());
    const predicted = new Map<string, string>();
    for (const table of ['lead_status', 'booked_opportunity', 'job']) {
      const r = await db.read(`select source_row, customer_id from ${table} where customer_id is not null`);
      for (const [row, customer] of r.rows) predicted.set(`${table}:${row}`, String(customer));
    }
    const pairs = (m: Map<string, number>) => [...m.values()].reduce((n, k) => n + (k * (k - 1)) / 2, 0);
    const byTruth = new Map<string, number>();
    const byPrediction = new Map<string, number>();
    const byBoth = new Map<string, number>();
    for (const [record, t] of truth) {
      const p = predicted.get(record);
      if (!p) continue;
      byTruth.set(t, (byTruth.get(t) ?? 0) + 1);
      byPrediction.set(p, (byPrediction.get(p) ?? 0) + 1);
      byBoth.set(`${t}|${p}`, (byBoth.get(`${t}|${p}`) ?? 0) + 1);
    }
    const correct = pairs(byBoth);
    expect(correct / pairs(byPrediction)).toBeGreaterThanOrEqual(0.95);
    expect(correct / pairs(byTruth)).toBeGreaterThanOrEqual(0.99);
  });

  it('leaves no partial change when a step fails, and audits the failure', async () => {
    const failing: PipelineStep = {
      name: 'quote-linkage',
      description: 'a step that fails after changing rows',
      after: [],
      async apply(ctx) {
        await ctx.change('lead_status', 'update', `update lead_status set raw_status = 'broken' returning lead_id`);
        throw new Error('simulated crash in the middle of a step');
      },
    };
    const before = await tableChecksums(db);
    await expect(runPipeline(db, [failing])).rejects.toThrow(/simulated crash/);
    const after = await tableChecksums(db);
    const { pipeline_run: auditBefore, ...restBefore } = before;
    const { pipeline_run: auditAfter, ...restAfter } = after;
    expect(restAfter).toEqual(restBefore);
    expect(auditAfter).not.toBe(auditBefore);
    const failed = await db.read(`select status, error from pipeline_run order by pipeline_run_id desc limit 1`);
    expect(failed.rows).toEqual([['failed', 'simulated crash in the middle of a step']]);
  });

  /** A plan of `step` fails with `message`, a run with LinkIntegrityError, and neither changes a table but the audit. */
  async function expectRefusedUnchanged(step: PipelineStep, message: RegExp) {
    const { pipeline_run: _auditBefore, ...before } = await tableChecksums(db);
    await expect(planPipeline(db, [step])).rejects.toThrow(message);
    await expect(runPipeline(db, [step])).rejects.toBeInstanceOf(LinkIntegrityError);
    const { pipeline_run: _auditAfter, ...after } = await tableChecksums(db);
    expect(after).toEqual(before);
  }

  it('refuses to commit a step that leaves a link pointing at no row, in a plan and in a run', async () => {
    const dangling: PipelineStep = {
      name: 'customers',
      description: 'a step that writes a customer id no customer has',
      after: [],
      async apply(ctx) {
        await ctx.change(
          'job',
          'link',
          `update job set customer_id = 987654321 where job_id = (select min(job_id) from job where status = 'CLOSED') returning job_id, customer_id`,
          [],
          { columns: ['customer_id'] },
        );
      },
    };
    await expectRefusedUnchanged(dangling, /1 job row\(s\) would point at no customer row through customer_id \(e\.g\. customer_id = 987654321\)/);
  });

  it('checks every link column a statement writes, not only the first', async () => {
    const dangling: PipelineStep = {
      name: 'quote-linkage',
      description: 'a step that keeps a lost lead\'s opportunity and gives it a lead no one has',
      after: [],
      async apply(ctx) {
        await ctx.change(
          'lost_lead',
          'link',
          `update lost_lead set lead_id = 987654321 where lost_lead_id = (select min(lost_lead_id) from lost_lead) returning lost_lead_id, booked_opportunity_id, lead_id`,
          [],
          { columns: ['booked_opportunity_id', 'lead_id'] },
        );
      },
    };
    await expectRefusedUnchanged(dangling, /^1 lost_lead row\(s\) would point at no lead_status row through lead_id \(e\.g\. lead_id = 987654321\)/);
  });

  if (engine.name === 'server') {
    it('never lets two runs overlap', async () => {
      const slow: PipelineStep = {
        name: 'branches',
        description: 'holds the lock for a while',
        after: [],
        async apply(ctx) {
          await ctx.tx.query('select pg_sleep(1)');
        },
      };
      const first = runPipeline(db, [slow]);
      await new Promise((r) => setTimeout(r, 200));
      await expect(runPipeline(db, [slow])).rejects.toBeInstanceOf(PipelineBusyError);
      await first;
    });
  }
});
