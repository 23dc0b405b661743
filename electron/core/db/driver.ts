/**
 * The seam between the engine-agnostic database layer (database.ts) and an engine: a driver hands out
 * connections and can cancel what one of them is running. Only the two drivers know their library.
 */

export interface RawField {
  name: string;
  dataTypeID: number;
}

export interface RawResult {
  fields: RawField[];
  /** Rows as arrays, values already parsed by values.ts. */
  rows: unknown[][];
  affectedRows: number;
}

/** A page of a read: at most the rows asked for; `done` when the result has ended. */
export interface ReadPage {
  fields: RawField[];
  rows: unknown[][];
  done: boolean;
}

/**
 * A read-only statement on one connection, page by page, for an engine that can do better than one
 * statement per call (the server: one round trip, see server-read.ts). The database layer keeps the
 * guards: the allowlist before `open`, the cancel, `end` in every outcome.
 */
export interface ReadSession {
  /**
   * Begins a READ ONLY transaction with `statement_timeout = timeoutMs` (0: none), binds `sql` (one
   * statement) with `params` and returns its first `rows` rows. Nothing of `sql` runs unless the
   * transaction and the timeout are in place. Any error leaves a transaction for `end(false)`.
   */
  open(sql: string, params: readonly unknown[], options: { timeoutMs: number; rows: number }): Promise<ReadPage>;
  /** The next `rows` rows of the open statement. */
  next(rows: number): Promise<ReadPage>;
  /**
   * COMMIT (or ROLLBACK) and RESET ALL, which undoes `set_config(…, false)` done by the read. With
   * `commit` false the statement may still be running (the consumer stopped early): it is stopped first.
   */
  end(commit: boolean): Promise<void>;
}

/** One dedicated connection (on the embedded engine: exclusive use of the single backend). */
export interface Connection {
  /**
   * The engine's own read session; without one the database layer uses DECLARE … CURSOR and FETCH
   * through `query`. `cancel` asks the engine to cancel the running statement (once per read).
   */
  readSession?(cancel: () => Promise<unknown>): ReadSession;
  /** One statement over the extended protocol, with bound parameters. */
  query(sql: string, params: readonly unknown[]): Promise<RawResult>;
  /** A trusted script of several statements over the simple protocol (migrations only). */
  exec(script: string): Promise<void>;
  /**
   * Bulk-loads CSV text into a table with COPY. `copyOptions` is the statement's tail after
   * `FROM STDIN`, built by copy.ts from checked identifiers. Returns the rows loaded.
   */
  copyFrom(target: string, copyOptions: string, chunks: AsyncIterable<string | Uint8Array>): Promise<number>;
}

export interface Lease {
  connection: Connection;
  /** Returns the connection; `broken` discards it instead of reusing it. */
  release(broken?: boolean): void;
}

export type Engine = 'embedded' | 'server';

export interface Driver {
  readonly engine: Engine;
  acquire(): Promise<Lease>;
  /**
   * Asks the engine to stop what `connection` is running. The server cancels the running statement
   * from a second connection; the embedded engine cannot interrupt a statement and returns false.
   */
  cancel(connection: Connection): Promise<boolean>;
  /** Whether `SET statement_timeout` is enforced by this engine. */
  readonly enforcesStatementTimeout: boolean;
  close(): Promise<void>;
}
