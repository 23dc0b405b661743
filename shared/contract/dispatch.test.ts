import { describe, expect, it } from 'vitest';
import { createDispatch } from './dispatch.ts';
import type { CallContext, Handlers } from './methods.ts';

const context: CallContext = { emit: () => undefined };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  return {
    'db/info': unused,
    'query/run': async (args) => ({ runId: args.runId, fields: [], rowCount: args.maxRows, elapsedMs: 1, truncated: false }),
    'query/cancel': unused,
    'library/list': async () => ({ queries: [], problems: [] }),
    'library/get': unused,
    'library/choices': unused,
    'library/favourites': unused,
    'library/setFavourite': unused,
    'pipeline/list': unused,
    'pipeline/plan': unused,
    'pipeline/run': unused,
    'pipeline/cancel': unused,
    'pipeline/history': unused,
    'pipeline/follow': unused,
    ...overrides,
  };
}

const mapError = (error: unknown) => ({ code: 'internal' as const, message: error instanceof Error ? error.message : 'x' });

describe('contract dispatch', () => {
  it('parses arguments, fills defaults, and returns the handler value', async () => {
    const dispatch = createDispatch(handlers(), mapError);
    const result = await dispatch('query/run', { runId: 'run-0001', sql: 'select 1' }, context);
    expect(result).toEqual({ ok: true, value: { runId: 'run-0001', fields: [], rowCount: 100_000, elapsedMs: 1, truncated: false } });
  });

  it('answers a bad payload with an error that names the field, without calling the handler', async () => {
    let called = false;
    const dispatch = createDispatch(
      handlers({
        'query/run': async () => {
          called = true;
          throw new Error('should not run');
        },
      }),
      mapError,
    );
    const wrongType = await dispatch('query/run', { runId: 'run-0001', sql: 42 }, context);
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(wrongType.ok ? '' : wrongType.error.message).toMatch(/^query\/run: sql: /);
    const extra = await dispatch('query/run', { runId: 'run-0001', sql: 'select 1', sneaky: true }, context);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    const badId = await dispatch('query/run', { runId: '../../etc', sql: 'select 1' }, context);
    expect(badId.ok ? '' : badId.error.message).toMatch(/runId: 8–64 letters/);
    expect(await dispatch('query/run', null, context)).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(called).toBe(false);
  });

  it('runs ad-hoc SQL with positional params, or a library query by slug with named params, and nothing in between', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatch(
      handlers({
        'query/run': async (args) => {
          seen.push(args.params);
          return { runId: args.runId, fields: [], rowCount: 0, elapsedMs: 1, truncated: false };
        },
      }),
      mapError,
    );
    expect(await dispatch('query/run', { runId: 'run-0001', sql: 'select $1', params: [1] }, context)).toMatchObject({ ok: true });
    expect(await dispatch('query/run', { runId: 'run-0001', slug: 'revenue-by-month', params: { branch: null } }, context)).toMatchObject({ ok: true });
    expect(await dispatch('query/run', { runId: 'run-0001', slug: 'revenue-by-month' }, context)).toMatchObject({ ok: true });
    expect(seen).toEqual([[1], { branch: null }, undefined]);
    const message = async (args: unknown) => {
      const r = await dispatch('query/run', args, context);
      return r.ok ? '' : r.error.message;
    };
    expect(await message({ runId: 'run-0001' })).toBe('query/run: sql: give sql, or the slug of a library query');
    expect(await message({ runId: 'run-0001', sql: 'select 1', params: { a: 1 } })).toBe('query/run: params: named parameters need the slug of a library query');
    expect(await message({ runId: 'run-0001', slug: 'x', params: [1] })).toBe('query/run: params: a library query takes named parameters ({ name: value })');
    expect(await message({ runId: 'run-0001', slug: 'x', params: { a: { nested: true } } })).toMatch(/^query\/run: params/);
  });

  it('answers an unknown method, including prototype keys, as data', async () => {
    const dispatch = createDispatch(handlers(), mapError);
    expect(await dispatch('query/drop', {}, context)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch('__proto__', {}, context)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch('toString', {}, context)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch(17, {}, context)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('turns a handler failure into an error value through the host\'s mapper', async () => {
    const dispatch = createDispatch(
      handlers({
        'library/list': async () => {
          throw new Error('disk gone');
        },
      }),
      mapError,
    );
    expect(await dispatch('library/list', {}, context)).toEqual({ ok: false, error: { code: 'internal', message: 'disk gone' } });
  });
});
