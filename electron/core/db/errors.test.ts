import { describe, expect, it } from 'vitest';
import { DbError, toDbError } from './errors.ts';

describe('toDbError', () => {
  it('keeps SQLSTATE, detail and hint, and shifts the position past a wrapper prefix', () => {
    const e = toDbError({ code: '42703', message: 'column "x" does not exist', position: '47', hint: 'Perhaps you meant "y".' }, 40);
    expect(e).toBeInstanceOf(DbError);
    expect(e.toInfo()).toEqual({ sqlstate: '42703', message: 'column "x" does not exist', position: 7, hint: 'Perhaps you meant "y".' });
  });

  it('drops a position that falls inside the wrapper and maps network errors to 08000', () => {
    expect(toDbError({ code: '42601', message: 'syntax error', position: '3' }, 40).position).toBeUndefined();
    const net = toDbError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
    expect(net.sqlstate).toBe('08000');
    expect(net.message).toContain('ECONNREFUSED');
  });
});
