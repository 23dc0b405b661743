import { describe, expect, it } from 'vitest';
import { createDispatch } from './dispatch.ts';
import { events, methods } from './methods.ts';
import { contractEventNames, contractMethodNames } from './names.ts';
import { PipelineFailure, pipelineStepNames } from './pipeline.ts';
import type { CallContext, Handlers } from './methods.ts';

const context: CallContext = { emit: () => undefined };

/** Handlers that record the arguments each pipeline method received after parsing. */
function recording(seen: unknown[]): Handlers {
  const unused = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  const work = async (args: { runId?: string | undefined; steps?: string[] | undefined }) => {
    seen.push(args);
    return { runId: args.runId ?? 'pl-00000000', reports: [], durationMs: 0 };
  };
  return {
    'db/info': unused,
    'query/run': unused,
    'query/cancel': unused,
    'library/list': unused,
    'library/get': unused,
    'library/choices': unused,
    'library/favourites': unused,
    'library/setFavourite': unused,
    'pipeline/list': unused,
    'pipeline/plan': work,
    'pipeline/run': work,
    'pipeline/cancel': async (args) => {
      seen.push(args);
      return { cancelled: false };
    },
    'pipeline/history': async (args) => {
      seen.push(args);
      return { rows: [], nextBeforeId: null, pending: false };
    },
    'pipeline/follow': async () => ({ activity: null }),
  };
}

const mapError = (error: unknown) => ({ code: 'internal' as const, message: error instanceof Error ? error.message : 'x' });

async function message(method: string, args: unknown): Promise<string> {
  const r = await createDispatch(recording([]), mapError)(method, args, context);
  return r.ok ? '' : `${r.error.code}: ${r.error.message}`;
}

describe('pipeline contract', () => {
  it('lists every pipeline method and the progress event for the preload', () => {
    for (const name of ['pipeline/list', 'pipeline/plan', 'pipeline/run', 'pipeline/cancel', 'pipeline/history', 'pipeline/follow'] as const) {
      expect(contractMethodNames).toContain(name);
      expect(methods[name]).toBeDefined();
    }
    expect(contractEventNames).toContain('pipeline/progress');
    expect(events['pipeline/progress']).toBeDefined();
  });

  it('accepts known step names and no steps (all), passing them through parsed', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatch(recording(seen), mapError);
    expect(await dispatch('pipeline/plan', {}, context)).toMatchObject({ ok: true });
    expect(await dispatch('pipeline/plan', { steps: ['quote-linkage', 'branches'] }, context)).toMatchObject({ ok: true });
    expect(await dispatch('pipeline/run', { runId: 'pl-12345678', steps: [] }, context)).toMatchObject({ ok: true, value: { runId: 'pl-12345678' } });
    expect(seen).toEqual([{}, { steps: ['quote-linkage', 'branches'] }, { runId: 'pl-12345678', steps: [] }]);
  });

  it('rejects an unknown step, naming it and listing the valid steps', async () => {
    const text = await message('pipeline/plan', { steps: ['branches', 'brnaches'] });
    expect(text).toBe(`invalid_arguments: pipeline/plan: steps.1: unknown pipeline step "brnaches"; the steps are ${pipelineStepNames.join(', ')}`);
    expect(await message('pipeline/run', { steps: ['__proto__'] })).toMatch(/^invalid_arguments: pipeline\/run: steps\.0: unknown pipeline step "__proto__"; the steps are branches, lead-sources, /);
    expect(await message('pipeline/history', { step: 'nope' })).toMatch(/^invalid_arguments: pipeline\/history: step: unknown pipeline step "nope"/);
  });

  it('rejects payloads of the wrong shape without calling the handler', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatch(recording(seen), mapError);
    const cases: [string, unknown, RegExp][] = [
      ['pipeline/plan', { steps: 'branches' }, /^pipeline\/plan: steps: /],
      ['pipeline/plan', { steps: [7] }, /^pipeline\/plan: steps\.0: unknown pipeline step 7/],
      ['pipeline/plan', { steps: Array(51).fill('branches') }, /steps: at most 50 names/],
      ['pipeline/run', { runId: 'x' }, /runId: 8–64 letters/],
      ['pipeline/run', { steps: [], force: true }, /^pipeline\/run: .*force/],
      ['pipeline/history', { limit: 0 }, /^pipeline\/history: limit: /],
      ['pipeline/history', { limit: 501 }, /^pipeline\/history: limit: /],
      ['pipeline/history', { beforeId: -1 }, /^pipeline\/history: beforeId: /],
      ['pipeline/history', { limit: 2.5 }, /^pipeline\/history: limit: /],
      ['pipeline/list', { all: true }, /^pipeline\/list: /],
      ['pipeline/follow', { runId: 'pl-12345678' }, /^pipeline\/follow: /],
      ['pipeline/cancel', {}, /^pipeline\/cancel: runId: /],
      ['pipeline/cancel', { runId: 'x' }, /runId: 8–64 letters/],
      ['pipeline/cancel', { runId: 'pl-12345678', force: true }, /^pipeline\/cancel: .*force/],
    ];
    for (const [method, args, expected] of cases) {
      const result = await dispatch(method, args, context);
      expect(result, `${method} ${JSON.stringify(args).slice(0, 60)}`).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
      expect(result.ok ? '' : result.error.message).toMatch(expected);
    }
    expect(seen).toEqual([]);
  });

  it('passes a well-formed cancel through', async () => {
    const seen: unknown[] = [];
    expect(await createDispatch(recording(seen), mapError)('pipeline/cancel', { runId: 'pl-12345678' }, context)).toEqual({ ok: true, value: { cancelled: false } });
    expect(seen).toEqual([{ runId: 'pl-12345678' }]);
  });

  it('fills the history page size by default', async () => {
    const seen: unknown[] = [];
    await createDispatch(recording(seen), mapError)('pipeline/history', {}, context);
    expect(seen).toEqual([{ limit: 50 }]);
  });

  it('describes a progress event and a failure detail exactly', () => {
    const event = {
      runId: 'pl-12345678',
      mode: 'run',
      origin: 'first-start',
      phase: 'running',
      steps: ['branches', 'customers'],
      step: 'customers',
      index: 2,
      total: 2,
      startedAt: '2026-11-26T06:00:00.000Z',
      seq: 3,
      message: 'branches: 8 row change(s) in 120 ms',
      finished: { step: 'branches', changes: [{ table: 'branch', action: 'insert', rows: 8 }], notes: {}, durationMs: 120 },
    };
    expect(events['pipeline/progress'].parse(event)).toEqual(event);
    expect(events['pipeline/progress'].safeParse({ ...event, phase: 'paused' }).success).toBe(false);
    expect(events['pipeline/progress'].safeParse({ ...event, step: 'nope' }).success).toBe(false);
    expect(PipelineFailure.safeParse({ mode: 'run', step: 'customers', reason: 'x', completed: ['branches'] }).success).toBe(true);
    expect(PipelineFailure.safeParse({ mode: 'run', step: 'nope', reason: 'x', completed: [] }).success).toBe(false);
    expect(PipelineFailure.safeParse({ mode: 'run', step: 'customers', completed: [] }).success).toBe(false);
  });
});
