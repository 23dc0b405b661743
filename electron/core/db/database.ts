import type { QueryResult, ResultField, ResultPage, CellValue } from '../../../shared/db.ts';
import { copyTarget, csvCopyChunks, csvCopyOptions } from './copy.ts';
import { DbError, WorkbenchSqlState, toDbError } from './errors.ts';
import { classifyStatement, firstKeyword, trimStatement } from './statement.ts';
import { typeName } from './values.ts';
import type { Connection, Driver, Engine, RawField, RawResult, ReadSession } from './driver.ts';

export interface ReadOptions {
  /** Statement timeout; 0 disables it. Defaults to the database's `statementTimeoutMs`. */
  timeoutMs?: number;
  /** Aborting cancels the running statement (server) or stops at the next page (embedded). */
  signal?: AbortSignal;
}

export interface StreamOptions extends ReadOptions {
  /**
   * Rows per page, default 1000. Memory is bounded by pages, not by the result: the embedded engine
   * fetches one page at a time from a cursor; the server streams, holding at most two pages (and
   * one socket read) for a consumer that is behind before it holds the server back (server-read.ts).
   */
  pageSize?: number;
}

/** A statement runner inside a transaction or a dedicated session. */
export interface SqlRunner {
  query(sql: string, params?: readonly unknown[]): Promise<QueryResult>;
  /** Several trusted statements at once, no parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Streams an export's own CSV bytes into `table (columns)` with COPY, as psql's \copy does: the
   * server parses them. `delimiter` and `encoding` are the file's; the first line is its header.
   */
  copyCsvFile(table: string, columns: readonly string[], bytes: AsyncIterable<Uint8Array>, options: { delimiter: ',' | ';' | '\t'; encoding: 'utf-8' | 'windows-1252' }): Promise<number>;
  /** Bulk-loads rows into `table (columns)` with COPY; values are text or null. Returns rows loaded. */
  copyRows(table: string, columns: readonly string[], rows: AsyncIterable<readonly (string | null)[]> | Iterable<readonly (string | null)[]>): Promise<number>;
}

/** A dedicated session's runner, which can also cancel the statement it is running. */
export interface SessionRunner extends SqlRunner {
  /**
   * Asks the server to cancel the statement this session is running (it then fails with SQLSTATE
   * 57014; a session between statements ignores the request). False where the engine cannot: the
   * embedded engine runs each statement to its end, so callers also stop before their next one.
   */
  cancel(): Promise<boolean>;
}

/**
 * The read side: everything users write or pick from the library runs here, inside a READ ONLY
 * transaction. Code that only reads receives this type and cannot reach the write path.
 */
export interface ReadableDatabase {
  readonly engine: Engine;
  /** Where this database is, with any password removed. */
  readonly label: string;
  /** A whole (small) result. */
  read(sql: string, params?: readonly unknown[], options?: ReadOptions): Promise<QueryResult>;
  /**
   * A large result, page by page: on the server one statement streamed to its end (so a parallel
   * plan keeps its workers; the statement timeout bounds the whole of it), on the embedded engine a
   * cursor (DECLARE … FETCH). Stopping early (break, return, abort) cancels the rest.
   */
  stream(sql: string, params?: readonly unknown[], options?: StreamOptions): AsyncGenerator<ResultPage, void, undefined>;
}

/** The write side: migrations, imports, pipelines and review decisions. */
export interface Database extends ReadableDatabase {
  /** One READ WRITE transaction; committed when `work` resolves, rolled back when it throws. */
  write<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** A dedicated connection with no transaction of its own (locks, several transactions). */
  session<T>(work: (session: SessionRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  label: string;
  /** Default statement timeout for reads, in ms. */
  statementTimeoutMs?: number;
}

const cursorName = 'workbench_cursor';
const declarePrefix = `DECLARE ${cursorName} NO SCROLL CURSOR FOR `;

function toFields(raw: { fields: RawField[] }): ResultField[] {
  return raw.fields.map((f) => ({ name: f.name, typeOid: f.dataTypeID, type: typeName(f.dataTypeID) }));
}

function toQueryResult(raw: RawResult, sql: string, startedAt: number): QueryResult {
  return {
    fields: toFields(raw),
    rows: raw.rows as CellValue[][],
    rowCount: raw.rows.length > 0 || raw.fields.length > 0 ? raw.rows.length : raw.affectedRows,
    command: firstKeyword(sql).toUpperCase(),
    elapsedMs: Math.round(performance.now() - startedAt),
  };
}

function runner(connection: Connection): SqlRunner {
  return {
    async query(sql, params = []) {
      const startedAt = performance.now();
      try {
        return toQueryResult(await connection.query(sql, params), sql, startedAt);
      } catch (error) {
        throw toDbError(error);
      }
    },
    async exec(script) {
      try {
        await connection.exec(script);
      } catch (error) {
        throw toDbError(error);
      }
    },
    async copyCsvFile(table, columns, bytes, options) {
      const target = copyTarget(table, columns);
      const delimiter = options.delimiter === '\t' ? "E'\\t'" : `'${options.delimiter}'`;
      const encoding = options.encoding === 'windows-1252' ? 'WIN1252' : 'UTF8';
      try {
        return await connection.copyFrom(target, `WITH (FORMAT csv, HEADER true, DELIMITER ${delimiter}, NULL '', ENCODING '${encoding}')`, bytes);
      } catch (error) {
        throw toDbError(error);
      }
    },
    async copyRows(table, columns, rows) {
      const target = copyTarget(table, columns);
      try {
        return await connection.copyFrom(target, csvCopyOptions, csvCopyChunks(rows));
      } catch (error) {
        throw toDbError(error);
      }
    },
  };
}

function cancelledError(): DbError {
  return new DbError({ sqlstate: WorkbenchSqlState.cancelled, message: 'canceling statement due to user request' });
}

function assertReadable(sql: string): 'cursor' | 'direct' {
  const kind = classifyStatement(sql);
  if (kind === 'query') return 'cursor';
  if (kind === 'explain' || kind === 'show') return 'direct';
  throw new DbError({
    sqlstate: WorkbenchSqlState.notAllowed,
    message:
      'only SELECT, WITH, VALUES, TABLE, EXPLAIN and SHOW run here: this is a read-only path ' +
      '(writes go through migrations, imports, pipelines and reviews)',
    position: 1,
  });
}

/** The time one FETCH of the embedded engine should take: it holds the event loop while it runs. */
const fetchSliceMs = 50;

/**
 * The read session for an engine without its own (the embedded one): one statement per call,
 * BEGIN READ ONLY, SET LOCAL, DECLARE … CURSOR, FETCH, COMMIT, RESET ALL. EXPLAIN and SHOW cannot be
 * declared as a cursor; they run directly, in one page.
 *
 * The embedded engine runs on this thread and cannot be interrupted, so a page is fetched in slices
 * sized to take about `fetchSliceMs` each, with a turn of the event loop between them: a cancel (or
 * any other request) waits for one slice, not for a page of slow rows.
 */
function cursorReadSession(connection: Connection, mode: 'cursor' | 'direct', aborted: () => boolean): ReadSession {
  let slice = 100;
  const fetch = async (rows: number) => {
    let fields: RawField[] = [];
    const got: unknown[][] = [];
    while (got.length < rows) {
      if (got.length > 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (aborted()) throw cancelledError();
      }
      const want = Math.min(slice, rows - got.length);
      const startedAt = performance.now();
      const raw = await connection.query(`FETCH FORWARD ${want} FROM ${cursorName}`, []);
      const tookMs = performance.now() - startedAt;
      fields = raw.fields;
      for (const row of raw.rows) got.push(row);
      if (raw.rows.length < want) return { fields, rows: got, done: true };
      // Aim the next slice at fetchSliceMs from this one's rate, growing at most fourfold a step.
      slice = Math.max(1, Math.min(rows, slice * 4, Math.round((want * fetchSliceMs) / Math.max(tookMs, 1))));
    }
    return { fields, rows: got, done: false };
  };
  return {
    async open(sql, params, { timeoutMs, rows }) {
      await connection.query('BEGIN TRANSACTION READ ONLY', []);
      await connection.query(`SET LOCAL statement_timeout = ${Math.max(0, Math.trunc(timeoutMs))}`, []);
      if (mode === 'direct') {
        const raw = await connection.query(sql, params);
        return { fields: raw.fields, rows: raw.rows, done: true };
      }
      // A cursor is planned for its first rows by default; analysts read whole results, so plan for all.
      await connection.query('SET LOCAL cursor_tuple_fraction = 1', []);
      await connection.query(declarePrefix + sql, params).catch((e: unknown) => {
        throw toDbError(e, declarePrefix.length);
      });
      return fetch(rows);
    },
    next: fetch,
    async end(commit) {
      await connection.query(commit ? 'COMMIT' : 'ROLLBACK', []);
      await connection.query('RESET ALL', []);
    },
  };
}

/** The engine-agnostic database layer over a driver. */
export class PgDatabase implements Database {
  readonly engine: Engine;
  readonly label: string;
  private readonly statementTimeoutMs: number;

  constructor(
    private readonly driver: Driver,
    options: DatabaseOptions,
  ) {
    this.engine = driver.engine;
    this.label = options.label;
    this.statementTimeoutMs = options.statementTimeoutMs ?? 60_000;
  }

  async read(sql: string, params: readonly unknown[] = [], options: ReadOptions = {}): Promise<QueryResult> {
    const startedAt = performance.now();
    const fields: ResultField[] = [];
    const rows: CellValue[][] = [];
    for await (const page of this.stream(sql, params, { ...options, pageSize: 10_000 })) {
      if (fields.length === 0) fields.push(...page.fields);
      for (const row of page.rows) rows.push(row);
    }
    return { fields, rows, rowCount: rows.length, command: firstKeyword(sql).toUpperCase(), elapsedMs: Math.round(performance.now() - startedAt) };
  }

  async *stream(
    sql: string,
    params: readonly unknown[] = [],
    options: StreamOptions = {},
  ): AsyncGenerator<ResultPage, void, undefined> {
    const mode = assertReadable(sql);
    const pageSize = options.pageSize ?? 1000;
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
    const { signal } = options;
    if (signal?.aborted) throw cancelledError();
    const lease = await this.driver.acquire();
    const { connection } = lease;
    let cancelling: Promise<unknown> | undefined;
    const requestCancel = (): Promise<unknown> => (cancelling ??= this.driver.cancel(connection).catch(() => undefined));
    const session = connection.readSession?.(requestCancel) ?? cursorReadSession(connection, mode, () => signal?.aborted === true);
    let open = false;
    let usable = true;
    const onAbort = (): void => void requestCancel();
    signal?.addEventListener('abort', onAbort);
    try {
      // Open before the first message goes out: a failure part-way may have begun the transaction.
      open = true;
      const timeoutMs = options.timeoutMs ?? this.statementTimeoutMs;
      let page = await session.open(trimStatement(sql), params, { timeoutMs, rows: pageSize });
      let offset = 0;
      for (;;) {
        yield { fields: toFields(page), rows: page.rows as CellValue[][], offset, done: page.done };
        offset += page.rows.length;
        if (page.done) break;
        // PGlite resolves in microtasks: without a turn of the event loop between pages, a cancel
        // (or any other message) could not even be read until the whole result had been fetched.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (signal?.aborted) throw cancelledError();
        page = await session.next(pageSize);
      }
      await session.end(true);
      open = false;
    } catch (error) {
      const dbError = toDbError(error);
      // The server reports a cancel as 57014 too; say it was the user's, not a timeout.
      if (signal?.aborted && dbError.sqlstate === WorkbenchSqlState.cancelled) throw cancelledError();
      throw dbError;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      // A cancel still in flight must land while this connection is ours, never on its next user's statement.
      if (cancelling) await cancelling;
      // Also reached when the consumer stops early (break/return) with the transaction still open.
      if (open) usable = await session.end(false).then(
        () => true,
        () => false,
      );
      lease.release(!usable);
    }
  }

  async write<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const lease = await this.driver.acquire();
    const { connection } = lease;
    let broken = false;
    const control = (sql: string) => connection.query(sql, []).catch((e: unknown) => Promise.reject(toDbError(e)));
    try {
      await control('BEGIN TRANSACTION READ WRITE');
      const value = await work(runner(connection));
      await control('COMMIT');
      return value;
    } catch (error) {
      broken = !(await this.tryRollback(connection));
      // Statements already throw DbError; anything else is the caller's own error and passes unchanged.
      throw error;
    } finally {
      lease.release(broken);
    }
  }

  async session<T>(work: (session: SessionRunner) => Promise<T>): Promise<T> {
    const lease = await this.driver.acquire();
    let broken = false;
    try {
      return await work({ ...runner(lease.connection), cancel: () => this.driver.cancel(lease.connection) });
    } catch (error) {
      broken = !(await this.tryRollback(lease.connection));
      throw error;
    } finally {
      lease.release(broken);
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** Rolls back whatever is open; false when the connection is no longer usable. */
  private async tryRollback(connection: Connection): Promise<boolean> {
    try {
      await connection.query('ROLLBACK', []);
      return true;
    } catch {
      return false;
    }
  }
}
