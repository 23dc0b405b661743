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

/** One dedicated connection (on the embedded engine: exclusive use of the single backend). */
export interface Connection {
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
