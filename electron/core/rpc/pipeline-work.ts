import { randomBytes } from 'node:crypto';
import { DbError } from '../db/index.ts';
import { describeStop, PipelineBusyError, PipelineCancelledError } from '../pipeline/index.ts';
import type { PipelineOptions, PipelineStep, runPipeline, StepReport } from '../pipeline/index.ts';
import type { PipelineActivity, PipelineFailure, PipelineMode, PipelineOrigin, PipelineProgress, PipelineStepName } from '../../../shared/contract/index.ts';

/** How many of the newest messages an activity keeps for a listener that joins late. */
const messageTail = 50;

/** What a plan or a run is given to do its work: the runner's hooks, wired to progress events. */
export type PipelineWorkFn = (steps: PipelineStep[], options: PipelineOptions) => Promise<StepReport[]>;

export interface PipelineWorkRequest {
  mode: PipelineMode;
  origin: PipelineOrigin;
  steps: PipelineStep[];
  runId?: string;
  /** The caller's own progress listener (its `pipeline/progress` events). */
  listener?: (event: PipelineProgress) => void;
}

/** A plan or run that failed in one step: the step, and the steps of a run that had committed. */
export class PipelineStepError extends Error {
  override readonly name = 'PipelineStepError';
  readonly failure: PipelineFailure;

  constructor(failure: PipelineFailure, cause: unknown) {
    super(describeStop(failure, cause instanceof PipelineCancelledError), { cause });
    this.failure = failure;
  }
}

/**
 * How long the event loop gets between two steps. PGlite runs on the calling thread and its promises
 * resolve without a turn of the loop, so during a step nothing else is served; a page load over
 * `workbench serve` takes a few dozen turns (its 5 MB bundle is streamed in chunks), which fit in 50 ms.
 */
const pauseBetweenStepsMs = 50;

/**
 * `run`, one step per call, with a pause before each: a run holds the embedded engine's single
 * connection (and, PGlite being synchronous, the thread) only while a step runs, so queries, page
 * loads and progress events get through between steps. Each step is its own transaction with its own
 * audit row either way.
 */
export function stepwise(run: typeof runPipeline): typeof runPipeline {
  return async (db, steps, options = {}) => {
    const reports: StepReport[] = [];
    for (const step of steps) {
      await new Promise((resolve) => setTimeout(resolve, pauseBetweenStepsMs));
      reports.push(...(await run(db, [step], options)));
    }
    return reports;
  };
}

export function newPipelineRunId(): string {
  return `pl-${randomBytes(8).toString('hex')}`;
}

/**
 * The pipeline work of this process, one plan or run at a time: it turns the runner's hooks into
 * `pipeline/progress` events for the caller that started the work and for every follower, keeps the
 * state a late follower catches up on, and refuses a second plan or run at once (the runner's
 * advisory lock would refuse it too, but on the embedded engine it would first wait for the single
 * connection).
 */
export class PipelineWork {
  private current: { activity: PipelineActivity; listeners: Set<(event: PipelineProgress) => void>; done: Promise<unknown>; abort: AbortController } | undefined;
  private last: PipelineActivity | undefined;

  /** The plan or run in flight, as a snapshot. */
  get active(): PipelineActivity | null {
    return this.current ? structuredClone(this.current.activity) : null;
  }

  /**
   * Cancels the plan or run `runId` if it is the one in flight: the step running is rolled back and no
   * later step starts (the answer to its `pipeline/plan` or `pipeline/run` is then a 'cancelled'
   * error). False when `runId` is not in flight (it ended, or never was).
   */
  cancel(runId: string): boolean {
    const current = this.current;
    if (!current || current.activity.runId !== runId || current.abort.signal.aborted) return false;
    current.abort.abort();
    return true;
  }

  /** Resolves when the work in flight (if any) has ended, whatever its outcome. */
  async settled(): Promise<void> {
    await this.current?.done.catch(() => undefined);
  }

  /**
   * Follows the work in flight: `listener` hears its events until it ends; resolves with its final
   * state, or at once with null when nothing runs.
   */
  async follow(listener: (event: PipelineProgress) => void): Promise<PipelineActivity | null> {
    const current = this.current;
    if (!current) return null;
    current.listeners.add(listener);
    try {
      await current.done.catch(() => undefined);
    } finally {
      current.listeners.delete(listener);
    }
    return this.last ? structuredClone(this.last) : null;
  }

  /**
   * `runPipeline` with this tracker's events around it, for a run started outside the contract (the
   * first start's background run on the new sample).
   */
  tracked(origin: PipelineOrigin, run: typeof runPipeline): typeof runPipeline {
    return async (db, steps, options = {}) => {
      const started = await this.start({ mode: 'run', origin, steps }, (ordered, hooks) =>
        stepwise(run)(db, ordered, {
          ...options,
          ...(hooks.signal ? { signal: hooks.signal } : {}),
          onProgress: (message) => {
            hooks.onProgress?.(message);
            options.onProgress?.(message);
          },
          onStep: (report) => {
            hooks.onStep?.(report);
            options.onStep?.(report);
          },
        }),
      );
      return started.reports;
    };
  }

  /** Runs a plan or a run through `work`, with progress events; throws PipelineBusyError when one is in flight. */
  async start(request: PipelineWorkRequest, work: PipelineWorkFn): Promise<{ runId: string; reports: StepReport[]; durationMs: number }> {
    if (this.current) {
      const a = this.current.activity;
      throw new PipelineBusyError(
        `another pipeline ${a.mode === 'plan' ? 'plan' : 'run'} is in progress${a.origin === 'first-start' ? ' (the first start on the new sample)' : ''}: step ${a.index} of ${a.total}; wait for it to finish`,
      );
    }
    const names = request.steps.map((s) => s.name as PipelineStepName);
    const activity: PipelineActivity = {
      runId: request.runId ?? newPipelineRunId(),
      mode: request.mode,
      origin: request.origin,
      phase: request.mode === 'plan' ? 'planning' : 'running',
      steps: names,
      step: names[0] ?? null,
      index: names.length ? 1 : 0,
      total: names.length,
      startedAt: new Date().toISOString(),
      seq: 0,
      message: `${request.mode === 'plan' ? 'planning' : 'running'} ${names.length} step(s)`,
      finished: [],
      messages: [],
    };
    const listeners = new Set<(event: PipelineProgress) => void>();
    if (request.listener) listeners.add(request.listener);
    const emit = (message: string, finished?: StepReport) => {
      activity.seq += 1;
      activity.message = message;
      activity.messages.push(message);
      if (activity.messages.length > messageTail) activity.messages.splice(0, activity.messages.length - messageTail);
      const { finished: _all, messages: _messages, ...fields } = activity;
      const event: PipelineProgress = { ...fields, ...(finished ? { finished: summary(finished) } : {}) };
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // A listener that went away (a closed window) must not stop the work.
        }
      }
    };

    const started = performance.now();
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    const abort = new AbortController();
    this.current = { activity, listeners, done, abort };
    emit(activity.message);
    abort.signal.addEventListener('abort', () => emit(`cancelling: the ${request.mode === 'plan' ? 'plan' : 'step in flight'} stops and is rolled back`));
    try {
      const reports = await work(request.steps, {
        signal: abort.signal,
        onProgress: (message) => emit(message),
        onStep: (report) => {
          activity.finished.push(summary(report));
          const next = names[activity.finished.length];
          if (next) {
            activity.step = next;
            activity.index = activity.finished.length + 1;
          }
          emit(`${report.step}: ${describeReport(report, request.mode)}`, report);
        },
      });
      activity.phase = 'done';
      activity.step = null;
      activity.index = activity.total;
      emit(`${request.mode === 'plan' ? 'plan' : 'run'} finished in ${formatSeconds(performance.now() - started)}`);
      return { runId: activity.runId, reports, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      if (error instanceof PipelineBusyError && activity.finished.length === 0) {
        // Another process holds the pipeline lock: nothing of ours ran.
        activity.phase = 'failed';
        activity.error = error.message;
        emit(error.message);
        throw error;
      }
      // Steps execute in the order given and report as they finish, so the failed one is the next.
      const step = names[activity.finished.length];
      const failed = step
        ? new PipelineStepError(
            {
              mode: request.mode,
              step,
              reason: error instanceof Error ? error.message : String(error),
              completed: request.mode === 'run' ? activity.finished.map((f) => f.step) : [],
              ...(error instanceof DbError ? { sqlstate: error.sqlstate } : {}),
            },
            error,
          )
        : error;
      activity.phase = error instanceof PipelineCancelledError ? 'cancelled' : 'failed';
      activity.error = failed instanceof Error ? failed.message : String(failed);
      emit(activity.error);
      throw failed;
    } finally {
      this.last = structuredClone(activity);
      this.current = undefined;
      resolveDone();
    }
  }
}

function summary(report: StepReport): PipelineActivity['finished'][number] {
  return {
    step: report.step,
    changes: report.changes.map(({ table, action, rows }) => ({ table, action, rows })),
    notes: { ...report.notes },
    durationMs: report.durationMs,
  };
}

function describeReport(report: StepReport, mode: PipelineMode): string {
  const total = report.changes.reduce((n, c) => n + c.rows, 0);
  return `${total.toLocaleString('en-US')} row change(s)${mode === 'plan' ? ' would be made' : ''} in ${formatSeconds(report.durationMs)}`;
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
