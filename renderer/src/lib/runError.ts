import type { ContractError } from '../../../shared/contract/index.ts';

/**
 * A failed run as the results area shows it. Database errors carry PostgreSQL's fields; `position` is
 * 1-based in the statement that was sent.
 * @example { kind: 'database', message: 'relation "nope" does not exist', sqlstate: '42P01', position: 15 }
 */
export interface RunErrorView {
  kind: 'database' | 'cancelled' | 'other';
  message: string;
  code?: string;
  sqlstate?: string;
  detail?: string;
  hint?: string;
  position?: number;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Reads a contract error defensively: `detail` is `unknown` on the wire. */
export function toRunErrorView(error: ContractError): RunErrorView {
  if (error.code === 'cancelled') return { kind: 'cancelled', message: error.message, code: error.code };
  const detail = error.detail && typeof error.detail === 'object' ? (error.detail as Record<string, unknown>) : undefined;
  if (error.code === 'database' && detail) {
    const position = detail.position;
    return {
      kind: 'database',
      code: error.code,
      message: str(detail.message) ?? error.message,
      sqlstate: str(detail.sqlstate),
      detail: str(detail.detail),
      hint: str(detail.hint),
      position: typeof position === 'number' && Number.isInteger(position) && position > 0 ? position : undefined,
    };
  }
  return { kind: error.code === 'database' ? 'database' : 'other', code: error.code, message: error.message };
}
