/**
 * Result and error shapes that cross from the core to the CLI and the renderer.
 * Pure TypeScript: no Node, no DOM.
 */

/** A column of a result. `type` is PostgreSQL's type name where known (`int4`, `numeric`, `date`…), else `oid:N`. */
export interface ResultField {
  name: string;
  typeOid: number;
  type: string;
}

/** A cell value after normalization; the same on both engines (see docs/database.md, "Values"). */
export type CellValue = string | number | boolean | null | CellValue[] | { [key: string]: CellValue };

/**
 * A page of rows read from a cursor.
 * @example { fields: [{ name: 'n', typeOid: 23, type: 'int4' }], rows: [[1], [2]], offset: 0, done: false }
 */
export interface ResultPage {
  fields: ResultField[];
  rows: CellValue[][];
  /** Index of this page's first row in the whole result. */
  offset: number;
  /** True on the last page. */
  done: boolean;
}

/** A whole (small) result. `command` is the SQL command tag word, e.g. `SELECT`. */
export interface QueryResult {
  fields: ResultField[];
  rows: CellValue[][];
  rowCount: number;
  command: string;
  elapsedMs: number;
}

/**
 * A database error as data: Postgres's SQLSTATE, message, and 1-based character position in the
 * caller's SQL text when Postgres reported one.
 * @example { sqlstate: '42P01', message: 'relation "nope" does not exist', position: 15 }
 */
export interface DbErrorInfo {
  sqlstate: string;
  message: string;
  position?: number;
  detail?: string;
  hint?: string;
}
