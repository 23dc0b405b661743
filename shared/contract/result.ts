/**
 * Errors cross every process boundary as data, never as thrown exceptions.
 * @example { ok: false, error: { code: 'invalid_arguments', message: 'sql: expected string, received number' } }
 */
export type ErrorCode =
  | 'invalid_arguments'
  | 'unknown_method'
  | 'forbidden'
  | 'database'
  | 'cancelled'
  | 'not_found'
  | 'busy'
  | 'transport'
  | 'internal';

export interface ContractError {
  code: ErrorCode;
  message: string;
  /** Structured detail, e.g. a database error's SQLSTATE and position. */
  detail?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, detail?: unknown): Result<never> => ({
  ok: false,
  error: detail === undefined ? { code, message } : { code, message, detail },
});
