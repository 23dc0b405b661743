import { useCallback, useEffect, useRef, useState } from 'react';
import type { ParamValue } from '../../../shared/contract/index.ts';
import type { ResultField } from '../../../shared/db.ts';
import { RunBuffer } from '../lib/runBuffer.ts';
import { toRunErrorView } from '../lib/runError.ts';
import type { RunErrorView } from '../lib/runError.ts';
import type { SqlStatement } from '../lib/sqlStatements.ts';
import { useClient } from './client.tsx';

export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * A tab's latest run. `buffer` holds its rows (the grid and chart read it); `tick` grows as pages
 * arrive, so views know to pull the new rows without the rows themselves passing through React state.
 */
export interface RunState {
  status: RunStatus;
  runId: string | null;
  statement: SqlStatement | null;
  buffer: RunBuffer | null;
  fields: ResultField[];
  rowCount: number;
  startedAt: number;
  elapsedMs: number | null;
  truncated: boolean;
  cancelling: boolean;
  error: RunErrorView | null;
  tick: number;
}

export const idleRun: RunState = {
  status: 'idle',
  runId: null,
  statement: null,
  buffer: null,
  fields: [],
  rowCount: 0,
  startedAt: 0,
  elapsedMs: null,
  truncated: false,
  cancelling: false,
  error: null,
  tick: 0,
};

/** Live updates while pages stream in are coalesced to this interval. */
const refreshMs = 60;
/** How long to wait for pages still in flight after the run's result arrived first. */
const latePageWaitMs = 3000;

function newRunId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `run-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * What a run sends besides the statement. A library run names its query and passes named parameters
 * (bound on the core's side); `edited` sends the editor's text in place of the query's own.
 */
export interface RunOptions {
  slug?: string;
  params?: Record<string, ParamValue>;
  edited?: boolean;
}

/** Runs statements for one tab: streams pages into a buffer, and cancels. */
export function useQueryRun(): { state: RunState; run(statement: SqlStatement, options?: RunOptions): Promise<RunState>; cancel(): void } {
  const client = useClient();
  const [state, setState] = useState<RunState>(idleRun);
  const current = useRef<string | null>(null);
  const running = useRef(false);

  const cancel = useCallback(() => {
    const runId = current.current;
    if (!runId || !running.current) return;
    setState((s) => (s.runId === runId ? { ...s, cancelling: true } : s));
    client.call('query/cancel', { runId }).catch(() => undefined);
  }, [client]);

  const run = useCallback(
    async (statement: SqlStatement, options: RunOptions = {}): Promise<RunState> => {
      if (running.current) cancel();
      const runId = newRunId();
      const buffer = new RunBuffer();
      current.current = runId;
      running.current = true;
      const startedAt = performance.now();
      setState({ ...idleRun, status: 'running', runId, statement, buffer, startedAt });

      let timer: ReturnType<typeof setTimeout> | undefined;
      let expected = Infinity;
      let allArrived: (() => void) | undefined;
      const refresh = () => {
        timer = undefined;
        if (current.current === runId) setState((s) => (s.runId === runId ? { ...s, fields: buffer.fields, rowCount: buffer.received, tick: s.tick + 1 } : s));
      };
      // Subscribe before calling, so not even the first page can be missed.
      const unsubscribe = client.on('query/page', (page) => {
        if (page.runId !== runId) return;
        buffer.accept(page);
        if (buffer.received >= expected) allArrived?.();
        timer ??= setTimeout(refresh, refreshMs);
      });

      const { slug, params, edited } = options;
      const result = await client.call(
        'query/run',
        slug && params ? { runId, slug, params, ...(edited ? { sql: statement.text } : {}) } : { runId, sql: statement.text, ...(slug ? { slug } : {}) },
      );
      if (result.ok && buffer.received < result.value.rowCount) {
        expected = result.value.rowCount;
        await new Promise<void>((resolve) => {
          allArrived = resolve;
          setTimeout(resolve, latePageWaitMs);
        });
      }
      unsubscribe();
      if (timer) clearTimeout(timer);
      if (current.current !== runId) return idleRun; // a newer run replaced this one
      running.current = false;

      const elapsedMs = performance.now() - startedAt;
      const final: RunState = result.ok
        ? {
            ...idleRun,
            status: 'done',
            runId,
            statement,
            buffer,
            fields: result.value.fields.length > 0 ? result.value.fields : buffer.fields,
            rowCount: buffer.received,
            startedAt,
            elapsedMs: result.value.elapsedMs,
            truncated: result.value.truncated,
          }
        : (() => {
            const error = toRunErrorView(result.error);
            return {
              ...idleRun,
              status: error.kind === 'cancelled' ? 'cancelled' : 'failed',
              runId,
              statement,
              buffer,
              fields: buffer.fields,
              rowCount: buffer.received,
              startedAt,
              elapsedMs,
              error,
            } satisfies RunState;
          })();
      setState((s) => ({ ...final, tick: s.tick + 1 }));
      return final;
    },
    [client, cancel],
  );

  // A tab closed mid-run stops its statement.
  useEffect(
    () => () => {
      const runId = current.current;
      if (runId && running.current) client.call('query/cancel', { runId }).catch(() => undefined);
      current.current = null;
    },
    [client],
  );

  return { state, run, cancel };
}
