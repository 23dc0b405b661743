import { describe, expect, it } from 'vitest';
import { toRunErrorView } from './runError.ts';

describe('toRunErrorView', () => {
  it('reads the PostgreSQL fields of a database error', () => {
    const view = toRunErrorView({
      code: 'database',
      message: 'relation "nope" does not exist',
      detail: { sqlstate: '42P01', message: 'relation "nope" does not exist', position: 15, hint: 'Check the name.' },
    });
    expect(view).toEqual({ kind: 'database', code: 'database', message: 'relation "nope" does not exist', sqlstate: '42P01', detail: undefined, hint: 'Check the name.', position: 15 });
  });

  it('ignores a malformed detail instead of trusting it', () => {
    const view = toRunErrorView({ code: 'database', message: 'boom', detail: { sqlstate: 42, position: 'x' } });
    expect(view).toMatchObject({ kind: 'database', message: 'boom', sqlstate: undefined, position: undefined });
  });

  it('tells cancellations and other failures apart', () => {
    expect(toRunErrorView({ code: 'cancelled', message: 'cancelled' }).kind).toBe('cancelled');
    expect(toRunErrorView({ code: 'forbidden', message: 'only read-only statements' })).toEqual({ kind: 'other', code: 'forbidden', message: 'only read-only statements' });
  });
});
