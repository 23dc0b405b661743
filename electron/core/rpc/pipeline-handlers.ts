import { orderSteps, pipelineSteps, planPipeline, runPipeline } from '../pipeline/index.ts';
import { readHistory, readLastRuns } from './pipeline-audit.ts';
import { stepwise } from './pipeline-work.ts';
import type { Database } from '../db/index.ts';
import type { Handlers } from '../../../shared/contract/index.ts';
import type { PipelineWork } from './pipeline-work.ts';

type PipelineMethod = Extract<keyof Handlers, `pipeline/${string}`>;

export interface PipelineServices {
  db: Database;
  work: PipelineWork;
  /** Who runs, for the audit rows (default: the database user). */
  runBy?: string;
}

/** The `pipeline/*` methods over the pipeline runner and the `pipeline_run` audit table. */
export function createPipelineHandlers({ db, work, runBy }: PipelineServices): Pick<Handlers, PipelineMethod> {
  // On the embedded engine a plan or run holds the one connection until it ends: reading the audit
  // table then would wait for the whole run, so the answer says the rows are pending instead.
  const auditBlocked = () => db.engine === 'embedded' && work.active !== null;
  const options = runBy === undefined ? {} : { runBy };
  return {
    'pipeline/list': async () => {
      const pending = auditBlocked();
      const lastRuns = pending ? new Map() : await readLastRuns(db);
      return {
        steps: orderSteps(pipelineSteps, []).map((step) => ({
          name: step.name,
          description: step.description,
          after: [...step.after],
          lastRun: lastRuns.get(step.name) ?? null,
        })),
        active: work.active,
        lastRunsPending: pending,
      };
    },
    'pipeline/plan': async (args, context) =>
      work.start(
        { mode: 'plan', origin: 'user', steps: orderSteps(pipelineSteps, args.steps ?? []), runId: args.runId, listener: (event) => context.emit('pipeline/progress', event) },
        (steps, hooks) => planPipeline(db, steps, { ...options, ...hooks }),
      ),
    'pipeline/run': async (args, context) =>
      work.start(
        { mode: 'run', origin: 'user', steps: orderSteps(pipelineSteps, args.steps ?? []), runId: args.runId, listener: (event) => context.emit('pipeline/progress', event) },
        (steps, hooks) => stepwise(runPipeline)(db, steps, { ...options, ...hooks }),
      ),
    'pipeline/cancel': async ({ runId }) => ({ cancelled: work.cancel(runId) }),
    'pipeline/history': async ({ limit, beforeId, step }) => {
      if (auditBlocked()) return { rows: [], nextBeforeId: null, pending: true };
      return { ...(await readHistory(db, { limit, beforeId, step })), pending: false };
    },
    'pipeline/follow': async (_args, context) => ({ activity: await work.follow((event) => context.emit('pipeline/progress', event)) }),
  };
}
