import pgUtils from 'pg/lib/utils.js';
import { parserFor } from './values.ts';
import type pg from 'pg';
import type { RawField, ReadPage } from './driver.ts';

/**
 * The server's read path at the protocol level. node-postgres sends one statement per round trip and
 * waits for its ReadyForQuery; a read used to take five before its first row (BEGIN, two SETs,
 * DECLARE, FETCH) and one per page after. Here a read is one round trip, as psql's query is:
 *
 *   Parse/Bind/Execute            BEGIN TRANSACTION READ ONLY
 *   Parse/Bind/Execute            SET LOCAL statement_timeout = N
 *   Parse/Bind/Describe/Execute   the caller's statement, with no row limit
 *   Sync
 *
 * - Still one statement per Parse (nothing rides along after a `;` in the caller's text), still bound
 *   parameters. Behind one Sync the server stops at the first error and skips every later message up
 *   to the Sync, so the caller's statement never runs unless BEGIN READ ONLY and the timeout took
 *   effect (the server restarts its statement timer after every Execute, so N applies to the statement).
 * - No row limit, because PostgreSQL runs a plan with parallel workers only when it runs it to the
 *   end in one go: a cursor, or a portal read a page at a time, always runs serially. At 100,000 jobs
 *   64 of the library's 148 queries have a parallel plan, and ran up to twice as long as in psql.
 * - Memory stays bounded all the same: rows are cut into pages as they arrive, and when `maxReady`
 *   full pages wait for the consumer the socket is paused; TCP then holds the server back until the
 *   consumer catches up. A consumer that stops early cancels the rest (`stop`).
 * - The statement timeout therefore bounds the whole statement, rows sent included, as it does for
 *   psql, rather than each FETCH: a consumer that stalls for longer than the timeout ends the read.
 */

/** pg's own value serializer (arrays, dates, JSON), so a parameter binds exactly as `client.query` binds it. */
const { prepareValue } = pgUtils;

/** The messages of pg's Connection we send; its published types are loose (`rows?: string`). */
export interface ProtocolConnection {
  parse(message: { text: string; name?: string; types?: number[] }): void;
  bind(message: { portal?: string; statement?: string; values?: unknown[] }): void;
  describe(message: { type: 'P' | 'S'; name?: string }): void;
  execute(message: { portal?: string; rows?: number }): void;
  sync(): void;
  sendCopyFail(message: string): void;
  stream: { cork?: () => void; uncork?: () => void; pause?: () => void; resume?: () => void };
}

interface BackendField {
  name: string;
  dataTypeID: number;
}

/** Parse/Bind/Execute for each of `commands`, then the statement (if any), then one Sync, in one write. */
function send(connection: ProtocolConnection, commands: readonly string[], statement?: { sql: string; values: unknown[] }): void {
  connection.stream.cork?.();
  try {
    for (const text of commands) {
      connection.parse({ text, types: [] });
      connection.bind({ values: [] });
      connection.execute({ rows: 0 });
    }
    if (statement) {
      connection.parse({ text: statement.sql, types: [] });
      connection.bind({ values: statement.values });
      connection.describe({ type: 'P' });
      connection.execute({ rows: 0 });
    }
    connection.sync();
  } finally {
    connection.stream.uncork?.();
  }
}

/**
 * A pg Submittable: trusted commands (COMMIT, RESET ALL…) behind one Sync. The first error skips the
 * rest and rejects.
 */
export class CommandRoundTrip {
  readonly promise: Promise<void>;
  /** pg reads a Submittable's `name` when an error arrives; ours are unnamed. */
  readonly name = undefined;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;

  constructor(private readonly commands: readonly string[]) {
    this.promise = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: ProtocolConnection): null {
    send(connection, this.commands);
    return null;
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleCommandComplete(): void {}
  handlePortalSuspended(): void {}
  handleEmptyQuery(): void {}
  handleError(error: unknown): void {
    this.reject(error);
  }
  handleReadyForQuery(): void {
    this.resolve();
  }
  handleCopyInResponse(connection: ProtocolConnection): void {
    connection.sendCopyFail('COPY is not part of the read path');
  }
  handleCopyData(): void {}
}

/**
 * A pg Submittable: the read itself (see the top of this file). `next()` hands out pages of
 * `pageRows` rows as they arrive; the last has `done`. Pages already complete when an error arrives
 * are handed out first, then the error is thrown (as FETCHes that had succeeded, then the failing one).
 */
export class StreamingRead {
  /** pg reads a Submittable's `name` when an error arrives; ours are unnamed. */
  readonly name = undefined;
  private connection: ProtocolConnection | undefined;
  private fields: RawField[] = [];
  private parsers: ((text: string) => unknown)[] = [];
  private page: unknown[][] = [];
  private readonly ready: ReadPage[] = [];
  private commandsLeft: number;
  /** The statement's CommandComplete arrived: the result is whole. */
  private complete = false;
  /** ReadyForQuery or an error arrived: the connection takes the next statement. */
  private ended = false;
  private lastHandedOut = false;
  private error: unknown;
  private discarding = false;
  private paused = false;
  private wake: (() => void) | undefined;
  private readonly endedPromise: Promise<void>;
  private markEnded!: () => void;

  constructor(
    private readonly commands: readonly string[],
    private readonly sql: string,
    private readonly params: readonly unknown[],
    private readonly pageRows: number,
    /** Full pages held for the consumer before the socket is paused. */
    private readonly maxReady = 2,
  ) {
    this.commandsLeft = commands.length;
    this.endedPromise = new Promise<void>((resolve) => (this.markEnded = resolve));
  }

  submit(connection: ProtocolConnection): Error | null {
    let values: unknown[];
    try {
      values = this.params.map((v) => prepareValue(v));
    } catch (error) {
      // Nothing was sent; pg reports the error through handleError and moves on.
      return error instanceof Error ? error : new Error(String(error));
    }
    this.connection = connection;
    send(connection, this.commands, { sql: this.sql, values });
    return null;
  }

  /** The next page; `done` on the last. Throws the statement's error once the pages before it are out. */
  async next(): Promise<ReadPage> {
    for (;;) {
      const page = this.ready.shift();
      if (page) {
        if (this.paused && this.ready.length < this.maxReady) this.setPaused(false);
        return page;
      }
      if (this.error !== undefined) throw this.error;
      if (this.ended) {
        if (this.lastHandedOut) throw new Error('the read has ended');
        this.lastHandedOut = true;
        return { fields: this.fields, rows: this.page, done: true };
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /**
   * Ends a read its consumer no longer wants: drops what is buffered, asks the server to cancel the
   * statement if it is still running (`cancel`), and reads on, discarding, until the connection is free.
   */
  async stop(cancel: () => Promise<unknown>): Promise<void> {
    this.discarding = true;
    this.ready.length = 0;
    this.page = [];
    this.setPaused(false);
    if (!this.ended) {
      if (!this.complete) await cancel();
      await this.endedPromise;
    }
  }

  /** Whether the connection is free for the next statement. */
  get isEnded(): boolean {
    return this.ended;
  }

  handleRowDescription(message: { fields: BackendField[] }): void {
    this.fields = message.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
    this.parsers = this.fields.map((f) => parserFor(f.dataTypeID));
  }

  handleDataRow(message: { fields: (string | null)[] }): void {
    if (this.discarding || this.error !== undefined) return;
    try {
      const raw = message.fields;
      const row = new Array<unknown>(raw.length);
      for (let i = 0; i < raw.length; i += 1) {
        const text = raw[i];
        row[i] = text === null || text === undefined ? null : (this.parsers[i] ?? String)(text);
      }
      this.page.push(row);
    } catch (error) {
      // Kept until the server is ready again, so the connection stays in step.
      this.error = error;
      return;
    }
    if (this.page.length >= this.pageRows) {
      this.ready.push({ fields: this.fields, rows: this.page, done: false });
      this.page = [];
      if (this.ready.length >= this.maxReady) this.setPaused(true);
      this.notify();
    }
  }

  handleCommandComplete(): void {
    if (this.commandsLeft > 0) this.commandsLeft -= 1;
    else this.complete = true;
  }

  handleEmptyQuery(): void {
    this.handleCommandComplete();
  }

  handlePortalSuspended(): void {}

  /** After an error the server skips to the Sync; pg takes that ReadyForQuery itself. */
  handleError(error: unknown): void {
    if (this.error === undefined) this.error = error;
    this.end();
  }

  handleReadyForQuery(): void {
    this.end();
  }

  handleCopyInResponse(connection: ProtocolConnection): void {
    connection.sendCopyFail('COPY is not part of the read path');
  }

  handleCopyData(): void {}

  private end(): void {
    this.ended = true;
    // Whatever comes next on this connection (COMMIT, RESET ALL) must be read.
    this.setPaused(false);
    this.markEnded();
    this.notify();
  }

  private setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (paused) this.connection?.stream.pause?.();
    else this.connection?.stream.resume?.();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/** Submits a pg Submittable on `client`; its handlers do the rest. */
export function submit(client: pg.ClientBase, submittable: CommandRoundTrip | StreamingRead): void {
  client.query(submittable as unknown as pg.Submittable);
}
