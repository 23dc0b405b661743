import type { SessionRunner, SqlRunner } from '../db/index.ts';
import type { PipelineFailure } from '../../../shared/contract/index.ts';

/**
 * One line on a plan or run that stopped at `failure.step` (failed, or cancelled by its caller), and
 * what that left: for the CLI's error and the contract's.
 */
export function describeStop(failure: PipelineFailure, cancelled: boolean): string {
  const kept =
    failure.mode === 'plan'
      ? 'nothing was changed (a plan never changes anything)'
      : `its changes were rolled back, so it changed nothing${failure.completed.length ? `; the ${failure.completed.length} step(s) before it (${failure.completed.join(', ')}) completed and stay applied` : ''}`;
  const what = cancelled ? `pipeline ${failure.mode} cancelled by the user at step "${failure.step}"` : `pipeline step "${failure.step}" failed: ${failure.reason}`;
  return `${what} — ${kept}`;
}

/** A plan or run stopped by its caller (`PipelineOptions.signal`); the step in flight changed nothing. */
export class PipelineCancelledError extends Error {
  override readonly name = 'PipelineCancelledError';
  constructor() {
    super('cancelled by the user');
  }
}

/**
 * The caller's cancel, for one session: while a step's statements run ("armed") an abort asks the
 * server to cancel the statement in flight, and every statement a step starts after the abort fails
 * before it is sent (the embedded engine cannot interrupt a statement, so it stops at the next one).
 * The runner's own statements (BEGIN, the audit row, COMMIT, ROLLBACK, the vacuums) go straight to the
 * session and are never cancelled; before them the runner waits for a cancel request still in flight,
 * so it cannot land on them.
 */
export class Cancellation {
  private requested: Promise<unknown> | undefined;
  private armed = false;
  private readonly onAbort = () => {
    if (this.armed) this.requested ??= this.session.cancel().catch(() => false);
  };

  constructor(
    private readonly session: SessionRunner,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.onAbort);
  }

  /** Whether an abort now cancels the statement in flight (a step's) or waits (the runner's own). */
  arm(on: boolean): void {
    this.armed = on;
    if (on && this.signal?.aborted) this.onAbort();
  }

  /**
   * Throws PipelineCancelledError once the caller has aborted, after any cancel request has landed. It
   * takes a turn of the event loop first: the embedded engine answers in microtasks, so without it a
   * cancel (a signal handler, a message from the window) that came during a statement would not be
   * seen before the step's next statement, or before its commit.
   */
  async check(): Promise<void> {
    if (!this.signal) return;
    await new Promise((resolve) => setImmediate(resolve));
    if (!this.signal.aborted) return;
    await this.settled();
    throw new PipelineCancelledError();
  }

  /** Resolves once a cancel request in flight (if any) has reached the server. */
  async settled(): Promise<void> {
    await this.requested;
  }

  /** A failed statement's error, or the cancel's when the caller aborted (the server reports it as 57014). */
  async reason(error: unknown): Promise<unknown> {
    if (!this.signal?.aborted) return error;
    await this.settled();
    return new PipelineCancelledError();
  }

  /** The session as a step sees it: every statement checks for the cancel first. */
  runner(): SqlRunner {
    const guarded =
      <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        await this.check();
        try {
          return await call(...args);
        } catch (error) {
          throw await this.reason(error);
        }
      };
    const s = this.session;
    return {
      query: guarded((sql: string, params?: readonly unknown[]) => s.query(sql, params)),
      exec: guarded((script: string) => s.exec(script)),
      copyCsvFile: guarded((...args: Parameters<SqlRunner['copyCsvFile']>) => s.copyCsvFile(...args)),
      copyRows: guarded((...args: Parameters<SqlRunner['copyRows']>) => s.copyRows(...args)),
    };
  }

  dispose(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}
