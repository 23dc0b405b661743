import { DbError, WorkbenchSqlState } from '../db/index.ts';
import { streamStatement } from './library-run.ts';
import type { PreparedStatement } from './library-run.ts';
import type { ReadableDatabase } from '../db/index.ts';
import type { MethodResult, QueryPage } from '../../../shared/contract/index.ts';
import type { ResultField } from '../../../shared/db.ts';

export interface RunRequest {
  runId: string;
  statement: PreparedStatement;
  pageSize: number;
  maxRows: number;
  timeoutMs?: number;
}

export class RunBusyError extends Error {
  override readonly name = 'RunBusyError';
}

/**
 * Runs read-only statements for the app, page by page, and cancels them by id. Pages go to `onPage`
 * as they are fetched; the run ends at the end of the result or at `maxRows`.
 */
export class QueryRuns {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly db: ReadableDatabase) {}

  async run(request: RunRequest, onPage: (page: QueryPage) => void): Promise<MethodResult<'query/run'>> {
    if (this.running.has(request.runId)) throw new RunBusyError(`run ${request.runId} is already running`);
    const controller = new AbortController();
    this.running.set(request.runId, controller);
    const started = performance.now();
    let fields: ResultField[] = [];
    let rowCount = 0;
    let truncated = false;
    try {
      const options = { pageSize: request.pageSize, signal: controller.signal, ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }) };
      for await (const page of streamStatement(this.db, request.statement, options)) {
        fields = page.fields;
        const room = request.maxRows - rowCount;
        const rows = page.rows.length > room ? page.rows.slice(0, room) : page.rows;
        onPage({ runId: request.runId, fields, rows, offset: page.offset });
        rowCount += rows.length;
        if (rowCount >= request.maxRows && !page.done) {
          truncated = true;
          break;
        }
      }
      return { runId: request.runId, fields, rowCount, elapsedMs: Math.round(performance.now() - started), truncated };
    } finally {
      this.running.delete(request.runId);
    }
  }

  /** Asks a run to stop; false when no such run is going. */
  cancel(runId: string): boolean {
    const controller = this.running.get(runId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Cancels everything, e.g. when the window that started the runs goes away. */
  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }
}

export function isCancellation(error: unknown): boolean {
  return error instanceof DbError && error.sqlstate === WorkbenchSqlState.cancelled && /user request/.test(error.message);
}
