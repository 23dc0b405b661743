// generateSample: the seven raw CRM exports of a synthetic moving company, plus the ground truth behind them.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AliasSpeller } from './aliases.ts';
import { allocateLeadsPerDay, EXPORT_DAY, FIRST_LEAD_DAY, formatDay, LAST_JOB_DAY } from './calendar.ts';
import { LeadFactory } from './chain.ts';
import type { ChainExports } from './chain.ts';
import { OutcomeDeck, planFunnel } from './funnel.ts';
import { BRANCHES } from './geography.ts';
import { SOURCE_FILES } from './headers.ts';
import { LEAD_SOURCES } from './lead-sources.ts';
import * as MESS from './mess.ts';
import type { SourceKind } from './mess.ts';
import { PerformanceLedger, writePerformance } from './performance.ts';
import { Rng } from './rng.ts';
import { Roster } from './sales-people.ts';
import { STREAMED_TRUTH, TRUTH_DIR, TruthWriter } from './truth.ts';
import { CsvSink, XlsxSink } from './writers.ts';
import type { RowSink } from './writers.ts';

/** Progress of one output file. */
export interface SampleProgress {
  readonly file: string;
  readonly rows: number;
  /** Known in advance for lead_status, booked_opportunities and jobs; set on every file's final event. */
  readonly totalRows?: number;
}

/**
 * @example await generateSample({ outDir: '/tmp/sample', jobs: 20_000, seed: 1, onProgress: (e) => log(e.file, e.rows) })
 */
export interface GenerateSampleOptions {
  readonly outDir: string;
  /** Jobs in jobs.csv, exactly; every other size follows from it. Default 20,000. */
  readonly jobs?: number;
  /** Same seed, same bytes. Default 1. */
  readonly seed?: number;
  readonly onProgress?: (event: SampleProgress) => void;
}

/** One written file: a raw export (its source kind) or a ground-truth file. */
export interface SampleFile {
  /** Path relative to outDir, e.g. "jobs.csv" or "truth/quote_links.csv". */
  readonly file: string;
  readonly kind: SourceKind | 'truth';
  /** Data rows, the header excluded (for manifest.json: 0). */
  readonly rows: number;
}

/**
 * @example
 * { outDir: '/tmp/sample', jobs: 20000, seed: 1,
 *   files: [{ file: 'lead_status.csv', kind: 'lead_status', rows: 76486 }, …, { file: 'truth/quote_links.csv', kind: 'truth', rows: … }] }
 */
export interface SampleSummary {
  readonly outDir: string;
  readonly jobs: number;
  readonly seed: number;
  readonly files: readonly SampleFile[];
}

export const DEFAULT_JOBS = 20_000;
export const MAX_JOBS = 5_000_000;
const PROGRESS_EVERY_LEADS = 50_000;

export async function generateSample(options: GenerateSampleOptions): Promise<SampleSummary> {
  const jobs = options.jobs ?? DEFAULT_JOBS;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) {
    throw new RangeError(`jobs must be an integer from 1 to ${MAX_JOBS}, got ${jobs}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${seed}`);
  }
  const outDir = resolve(options.outDir);
  const truthDir = join(outDir, TRUTH_DIR);
  await mkdir(truthDir, { recursive: true });

  const root = new Rng(seed);
  const roster = new Roster(root.fork('roster'), jobs);
  const branches = new AliasSpeller(BRANCHES, MESS.BRANCH_VARIANT_RATE);
  const sources = new AliasSpeller(LEAD_SOURCES, MESS.LEAD_SOURCE_VARIANT_RATE);
  const ctx = { rng: root.fork('rows'), roster, branches, sources };
  const path = (kind: SourceKind) => join(outDir, SOURCE_FILES[kind].file);
  const csv = (kind: SourceKind) => new CsvSink(path(kind), SOURCE_FILES[kind].headers);
  const out: ChainExports = {
    lead: csv('lead_status'),
    bad: csv('bad_lead'),
    lost: csv('lost_lead'),
    opportunity: new XlsxSink(path('booked_opportunity'), SOURCE_FILES.booked_opportunity.sheet ?? 'Sheet1', SOURCE_FILES.booked_opportunity.headers),
    job: csv('job'),
  };
  const chainFiles: readonly [SourceKind, RowSink][] = [
    ['lead_status', out.lead], ['bad_lead', out.bad], ['lost_lead', out.lost], ['booked_opportunity', out.opportunity], ['job', out.job],
  ];
  const truth = new TruthWriter(truthDir);
  const ledger = new PerformanceLedger();
  const plan = planFunnel(jobs);
  const totals: Partial<Record<SourceKind, number>> = {
    lead_status: plan.leads,
    booked_opportunity: plan.opportunities,
    job: plan.jobs,
  };
  const report = (file: string, rows: number, totalRows: number | undefined) =>
    options.onProgress?.(totalRows === undefined ? { file, rows } : { file, rows, totalRows });

  const factory = new LeadFactory(ctx, out, truth, ledger, new OutcomeDeck(plan));
  const sinks: RowSink[] = [...chainFiles.map(([, sink]) => sink), ...truth.sinks()];
  const perDay = allocateLeadsPerDay(plan.leads);
  let sinceProgress = 0;
  for (let i = 0; i < perDay.length; i++) {
    const day = FIRST_LEAD_DAY + i;
    roster.advanceTo(day);
    const leads = perDay[i] ?? 0;
    for (let k = 0; k < leads; k++) factory.lead(day);
    for (const sink of sinks) if (sink.needsDrain) await sink.drain();
    sinceProgress += leads;
    if (sinceProgress >= PROGRESS_EVERY_LEADS) {
      sinceProgress = 0;
      for (const [kind, sink] of chainFiles) report(SOURCE_FILES[kind].file, sink.rows, totals[kind]);
    }
  }
  await Promise.all(sinks.map((sink) => sink.close()));
  for (const [kind, sink] of chainFiles) report(SOURCE_FILES[kind].file, sink.rows, sink.rows);

  const performance = await writePerformance(outDir, roster, ledger, branches, root.fork('performance'));
  report(SOURCE_FILES.user_performance.file, performance.userRows, performance.userRows);
  report(SOURCE_FILES.sales_performance.file, performance.salesRows, performance.salesRows);

  // Names last: the performance reports add spellings too.
  const nameRows = await truth.writeNames(roster, branches.used(), sources.used());
  const files: SampleFile[] = [
    ...chainFiles.map(([kind, sink]) => ({ file: SOURCE_FILES[kind].file, kind, rows: sink.rows })),
    { file: SOURCE_FILES.user_performance.file, kind: 'user_performance', rows: performance.userRows },
    { file: SOURCE_FILES.sales_performance.file, kind: 'sales_performance', rows: performance.salesRows },
    { file: `${TRUTH_DIR}/${STREAMED_TRUTH.quoteLinks.file}`, kind: 'truth', rows: truth.quoteLinks.rows },
    { file: `${TRUTH_DIR}/${STREAMED_TRUTH.badLeadLinks.file}`, kind: 'truth', rows: truth.badLeadLinks.rows },
    { file: `${TRUTH_DIR}/${STREAMED_TRUTH.customers.file}`, kind: 'truth', rows: truth.customers.rows },
    ...[...nameRows].map(([file, rows]) => ({ file: `${TRUTH_DIR}/${file}`, kind: 'truth' as const, rows })),
    { file: `${TRUTH_DIR}/manifest.json`, kind: 'truth', rows: 0 },
  ];
  await truth.writeManifest({
    generator: 'workbench sample',
    formatVersion: 1,
    jobs,
    seed,
    reference: { firstLeadDay: formatDay(FIRST_LEAD_DAY, 'iso'), exportDay: formatDay(EXPORT_DAY, 'iso'), lastJobDay: formatDay(LAST_JOB_DAY, 'iso') },
    funnel: plan,
    mess: MESS,
    files,
  });
  return { outDir, jobs, seed, files };
}
