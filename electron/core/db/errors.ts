import type { DbErrorInfo } from '../../../shared/db.ts';

/** SQLSTATE codes the workbench itself raises (class WB is not used by PostgreSQL). */
export const WorkbenchSqlState = {
  cancelled: '57014',
  notAllowed: 'WB001',
  busy: 'WB002',
  connection: '08000',
} as const;

/** An error from either engine, carrying SQLSTATE, message and position in the caller's SQL. */
export class DbError extends Error implements DbErrorInfo {
  readonly sqlstate: string;
  readonly position?: number;
  readonly detail?: string;
  readonly hint?: string;

  constructor(info: DbErrorInfo, options?: { cause?: unknown }) {
    super(info.message, options);
    this.name = 'DbError';
    this.sqlstate = info.sqlstate;
    if (info.position !== undefined) this.position = info.position;
    if (info.detail !== undefined) this.detail = info.detail;
    if (info.hint !== undefined) this.hint = info.hint;
  }

  toInfo(): DbErrorInfo {
    const info: DbErrorInfo = { sqlstate: this.sqlstate, message: this.message };
    if (this.position !== undefined) info.position = this.position;
    if (this.detail !== undefined) info.detail = this.detail;
    if (this.hint !== undefined) info.hint = this.hint;
    return info;
  }
}

interface DriverErrorLike {
  code?: unknown;
  message?: unknown;
  position?: unknown;
  detail?: unknown;
  hint?: unknown;
}

/**
 * Turns an error thrown by `pg` or PGlite into a DbError.
 * `prefixLength` is the number of characters the core put in front of the caller's SQL (for example a
 * `DECLARE … CURSOR FOR ` wrapper): positions are shifted back so they point into the caller's text.
 */
export function toDbError(error: unknown, prefixLength = 0): DbError {
  if (error instanceof DbError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as DriverErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : WorkbenchSqlState.connection;
  const info: DbErrorInfo = { sqlstate: code, message };
  const rawPosition = typeof e.position === 'string' ? Number.parseInt(e.position, 10) : e.position;
  if (typeof rawPosition === 'number' && Number.isFinite(rawPosition)) {
    const shifted = rawPosition - prefixLength;
    if (shifted >= 1) info.position = shifted;
  }
  if (typeof e.detail === 'string' && e.detail) info.detail = e.detail;
  if (typeof e.hint === 'string' && e.hint) info.hint = e.hint;
  return new DbError(info, { cause: error });
}
