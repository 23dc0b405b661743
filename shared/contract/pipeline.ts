import { z } from 'zod';
import { RunId } from './schemas.ts';

/**
 * The pipeline steps the contract accepts (`pipeline/list` gives them in dependency order). The core's
 * step type is this list (electron/core/pipeline/types.ts), so a step must be named here to exist.
 */
export const pipelineStepNames = [
  'branches',
  'lead-sources',
  'sales-persons',
  'customers',
  'quote-linkage',
  'badlead-linkage',
  'customer-timeline',
  'performance-linkage',
] as const;

/**
 * A known step name; anything else is rejected with the list of valid names.
 * @example 'quote-linkage'
 */
export const PipelineStepName = z.enum(pipelineStepNames, {
  error: (issue) => `unknown pipeline step ${JSON.stringify(issue.input)}; the steps are ${pipelineStepNames.join(', ')}`,
});

export const ChangeAction = z.enum(['insert', 'update', 'link', 'delete']);

/**
 * What a step did (or, in a plan, would do) to one table, with up to five changed rows.
 * @example { table: 'branch', action: 'insert', rows: 8, sample: [{ branch_id: 1, name: 'Denver' }] }
 */
export const TableChange = z.object({
  table: z.string(),
  action: ChangeAction,
  rows: z.number().int().nonnegative(),
  sample: z.array(z.record(z.string(), z.unknown())),
});

/** A table change without its sample, as the audit row keeps it. */
export const TableCount = TableChange.omit({ sample: true });

/**
 * One step's report from a plan or a run. `notes` counts findings that are not changes.
 * @example { step: 'quote-linkage', changes: [{ table: 'lead_status', action: 'link', rows: 412, sample: [] }],
 *   notes: { unmatched_quotes: 3 }, durationMs: 840 }
 */
export const StepReport = z.object({
  step: PipelineStepName,
  changes: z.array(TableChange),
  notes: z.record(z.string(), z.number()),
  durationMs: z.number().nonnegative(),
});

/** A finished step's counts (no samples), as progress events and the activity carry them. */
export const StepSummary = StepReport.extend({ changes: z.array(TableCount) });

/**
 * One row of the `pipeline_run` audit table: a step's execution, who ran it, when, and what it
 * changed (counts only) or why it failed.
 * @example { id: 41, step: 'branches', mode: 'run', runBy: 'analyst', status: 'completed',
 *   startedAt: '2026-11-26T06:10:02.120Z', finishedAt: '2026-11-26T06:10:02.480Z', durationMs: 360,
 *   changes: [{ table: 'branch', action: 'insert', rows: 8 }], notes: {}, error: null }
 */
export const PipelineAuditRow = z.object({
  id: z.number().int(),
  step: z.string(),
  mode: z.enum(['plan', 'run']),
  runBy: z.string(),
  /** 'cancelled': stopped by its caller; it changed nothing, as a failed step. */
  status: z.enum(['running', 'completed', 'failed', 'cancelled']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  changes: z.array(TableCount),
  notes: z.record(z.string(), z.number()),
  error: z.string().nullable(),
});

/** Where pipeline work came from: a user's call, or the app's first start on the new sample. */
export const PipelineOrigin = z.enum(['user', 'first-start']);
export const PipelineMode = z.enum(['plan', 'run']);
/** 'cancelled': the caller stopped it (`pipeline/cancel`); the step in flight was rolled back. */
export const PipelinePhase = z.enum(['planning', 'running', 'done', 'failed', 'cancelled']);

const progressFields = {
  runId: RunId,
  mode: PipelineMode,
  origin: PipelineOrigin,
  phase: PipelinePhase,
  /** The steps of this plan or run, in the order they execute. */
  steps: z.array(PipelineStepName),
  /** The step in flight (the failed or cancelled one once the work has stopped); null before the first and when done. */
  step: PipelineStepName.nullable(),
  /** 1-based position of `step` in `steps`; 0 before the first step, `total` when done. */
  index: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** ISO time the work started, for the elapsed time. */
  startedAt: z.string(),
  /** The error of a failed step, or what a cancel stopped. */
  error: z.string().optional(),
};

/**
 * The 'pipeline/progress' event, sent while a plan or a run is in flight to the caller that started it
 * and to every caller following it (`pipeline/follow`). `seq` grows by one per event of a run, so a
 * listener that hears one event twice can drop the copy.
 * @example { runId: 'pl-4f1c0a9e', mode: 'run', origin: 'first-start', phase: 'running', seq: 7,
 *   steps: ['branches', …], step: 'customers', index: 4, total: 8, startedAt: '…', message: 'running customers' }
 */
export const PipelineProgress = z.object({
  ...progressFields,
  seq: z.number().int().nonnegative(),
  message: z.string(),
  /** Present on the event that reports a step as finished. */
  finished: StepSummary.optional(),
});

/**
 * The plan or run in flight (or the last one, once it ended), as a late listener catches up on it:
 * the finished steps' counts and the latest messages.
 */
export const PipelineActivity = z.object({
  ...progressFields,
  seq: z.number().int().nonnegative(),
  message: z.string(),
  finished: z.array(StepSummary),
  /** The newest messages, oldest first (at most 50). */
  messages: z.array(z.string()),
});

/**
 * The `detail` of the error a failed plan or run answers with: which step failed, why (the step's own
 * error), and which steps of a run had already committed (they stay applied; the failed step changed
 * nothing).
 * @example { mode: 'run', step: 'customers', reason: 'duplicate key value violates unique constraint "customer_pkey"',
 *   completed: ['branches', 'lead-sources', 'sales-persons'], sqlstate: '23505' }
 */
export const PipelineFailure = z.object({
  mode: PipelineMode,
  step: PipelineStepName,
  reason: z.string(),
  completed: z.array(PipelineStepName),
  sqlstate: z.string().optional(),
});

const stepsArg = z
  .array(PipelineStepName)
  .max(50, 'steps: at most 50 names')
  .optional()
  .describe('steps to include; their order does not matter (dependency order is used); none or empty means all');

const workArgs = z
  .object({
    /** Chosen by the caller so it can match progress events before the answer; made up when absent. */
    runId: RunId.optional(),
    steps: stepsArg,
  })
  .strict();

/** Pipeline methods of the contract (spread into `methods`). */
export const pipelineMethods = {
  /**
   * The steps in dependency order with their description, the steps they need, and each one's last
   * run from the audit table. `active` is the plan or run in flight, if any. While a run holds the
   * embedded engine's single connection the audit table cannot be read: `lastRunsPending` is then true
   * and `lastRun` null; ask again when the run ends.
   * @example {} → { steps: [{ name: 'branches', description: '…', after: [], lastRun: { status: 'completed', … } }], active: null, lastRunsPending: false }
   */
  'pipeline/list': {
    args: z.object({}).strict(),
    result: z.object({
      steps: z.array(
        z.object({ name: PipelineStepName, description: z.string(), after: z.array(PipelineStepName), lastRun: PipelineAuditRow.nullable() }),
      ),
      active: PipelineActivity.nullable(),
      lastRunsPending: z.boolean(),
    }),
  },
  /**
   * The dry run: the steps applied in order inside one transaction that is rolled back, so nothing
   * changes; per step and table the rows it would insert, update, link or delete, with samples, and
   * its notes. 'pipeline/progress' events arrive while it runs. Fails with code 'busy' while another
   * plan or run is in flight.
   * @example { steps: ['branches', 'quote-linkage'] } → { runId: 'pl-…', reports: [{ step: 'branches', … }, { step: 'quote-linkage', … }], durationMs: 1200 }
   */
  'pipeline/plan': {
    args: workArgs,
    result: z.object({ runId: RunId, reports: z.array(StepReport), durationMs: z.number() }),
  },
  /**
   * Runs the steps, each in its own transaction with its audit row; a failed step rolls back its own
   * changes (the steps before it stay committed) and answers with a `PipelineFailure` detail.
   * 'pipeline/progress' events arrive while it runs. Fails with code 'busy' while another is in flight.
   * @example {} → { runId: 'pl-…', reports: [8 step reports], durationMs: 52000 }
   */
  'pipeline/run': {
    args: workArgs,
    result: z.object({ runId: RunId, reports: z.array(StepReport), durationMs: z.number() }),
  },
  /**
   * Cancels the plan or run in flight with this `runId`, whoever started it: the step running is rolled
   * back (the server cancels its statement at once; the embedded engine stops before the step's next
   * statement) and no later step starts, so the steps that committed before it stay applied. The
   * plan's or run's own call then fails with code 'cancelled', and its last 'pipeline/progress' event
   * has phase 'cancelled'. `cancelled` is false when that run is not in flight (it ended, or never was).
   * @example { runId: 'pl-4f1c0a9e12ab34cd' } → { cancelled: true }
   */
  'pipeline/cancel': {
    args: z.object({ runId: RunId }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  },
  /**
   * Audit rows, newest first, `limit` at a time; pass the last row's id as `beforeId` for the next
   * page. `step` keeps one step's rows.
   * @example { limit: 20 } → { rows: [{ id: 41, step: 'performance-linkage', … }], nextBeforeId: 22, pending: false }
   */
  'pipeline/history': {
    args: z
      .object({
        limit: z.number().int().min(1).max(500).default(50),
        beforeId: z.number().int().positive().optional(),
        step: PipelineStepName.optional(),
      })
      .strict(),
    result: z.object({
      rows: z.array(PipelineAuditRow),
      /** Pass as `beforeId` for older rows; null when these are the oldest. */
      nextBeforeId: z.number().int().nullable(),
      /** True (and `rows` empty) while a run holds the embedded engine's connection. */
      pending: z.boolean(),
    }),
  },
  /**
   * Follows the plan or run in flight, whoever started it (another window, or the first start's
   * background run on the new sample): 'pipeline/progress' events arrive until it ends, and the call
   * answers with its last state then; at once with null when nothing is in flight.
   * @example {} → { activity: { runId: 'pl-…', origin: 'first-start', phase: 'done', index: 8, total: 8, … } }
   */
  'pipeline/follow': {
    args: z.object({}).strict(),
    result: z.object({ activity: PipelineActivity.nullable() }),
  },
} as const;

export const pipelineEvents = {
  'pipeline/progress': PipelineProgress,
} as const;

export type PipelineStepName = z.infer<typeof PipelineStepName>;
export type TableChange = z.infer<typeof TableChange>;
export type TableCount = z.infer<typeof TableCount>;
export type StepReport = z.infer<typeof StepReport>;
export type StepSummary = z.infer<typeof StepSummary>;
export type PipelineAuditRow = z.infer<typeof PipelineAuditRow>;
export type PipelineOrigin = z.infer<typeof PipelineOrigin>;
export type PipelineMode = z.infer<typeof PipelineMode>;
export type PipelinePhase = z.infer<typeof PipelinePhase>;
export type PipelineProgress = z.infer<typeof PipelineProgress>;
export type PipelineActivity = z.infer<typeof PipelineActivity>;
export type PipelineFailure = z.infer<typeof PipelineFailure>;
