import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { CommandRoundTrip, StreamingRead, submit } from './server-read.ts';
import { parserFor } from './values.ts';
import type { Connection, Driver, Lease, RawResult, ReadPage, ReadSession } from './driver.ts';

const types = { getTypeParser: (oid: number) => parserFor(oid) };

/**
 * A read in one round trip (server-read.ts): BEGIN READ ONLY, SET LOCAL statement_timeout and the
 * statement behind one Sync, its rows streamed page by page with the socket paused while the
 * consumer is behind.
 */
class ServerReadSession implements ReadSession {
  private read: StreamingRead | undefined;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly cancel: () => Promise<unknown>,
    /** The error the connection was lost with, if it was. */
    private readonly lost: () => Error | undefined,
  ) {}

  open(sql: string, params: readonly unknown[], options: { timeoutMs: number; rows: number }): Promise<ReadPage> {
    const timeout = `SET LOCAL statement_timeout = ${Math.max(0, Math.trunc(options.timeoutMs))}`;
    this.read = new StreamingRead(['BEGIN TRANSACTION READ ONLY', timeout], sql, params, options.rows);
    submit(this.client, this.read);
    return this.read.next().catch(this.rethrow);
  }

  async next(): Promise<ReadPage> {
    if (!this.read) throw new Error('next() before open()');
    return this.read.next().catch(this.rethrow);
  }

  async end(commit: boolean): Promise<void> {
    if (this.read && !this.read.isEnded) await this.read.stop(this.cancel);
    const trip = new CommandRoundTrip([commit ? 'COMMIT' : 'ROLLBACK', 'RESET ALL']);
    submit(this.client, trip);
    await trip.promise.catch(this.rethrow);
  }

  private readonly rethrow = (error: unknown): never => {
    throw this.lost() ?? error;
  };
}

class ServerConnection implements Connection {
  constructor(
    readonly client: pg.PoolClient,
    readonly backendPid: number,
    /** The error the connection was lost with, if it was. */
    private readonly lost: () => Error | undefined = () => undefined,
  ) {}

  readSession(cancel: () => Promise<unknown>): ReadSession {
    return new ServerReadSession(this.client, cancel, this.lost);
  }

  async query(sql: string, params: readonly unknown[]): Promise<RawResult> {
    // queryMode 'extended' forces the extended protocol even without parameters: it accepts exactly
    // one statement, so "commit; drop table job" can never ride along with a read.
    const result = await this.client
      .query({
        text: sql,
        values: params as unknown[],
        rowMode: 'array',
        queryMode: 'extended',
      } as pg.QueryArrayConfig)
      .catch((error: unknown) => {
        throw this.lost() ?? error;
      });
    return {
      fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
      rows: result.rows,
      affectedRows: result.rowCount ?? 0,
    };
  }

  async exec(script: string): Promise<void> {
    await this.client.query(script).catch((error: unknown) => {
      throw this.lost() ?? error;
    });
  }

  async copyFrom(target: string, copyOptions: string, chunks: AsyncIterable<string | Uint8Array>): Promise<number> {
    const stream = this.client.query(copyStreams.from(`COPY ${target} FROM STDIN ${copyOptions}`));
    const done = finished(stream);
    // The server may refuse the data while we are still writing; that rejection is awaited below,
    // and must not surface as an unhandled one meanwhile.
    done.catch(() => undefined);
    try {
      for await (const chunk of chunks) {
        if (!stream.write(chunk)) await once(stream, 'drain');
      }
    } catch (error) {
      // The producer failed mid-COPY: abort the COPY (CopyFail) so the connection can roll back,
      // instead of leaving the server waiting for data and every later statement queued behind it.
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
      await done.catch(() => undefined);
      throw error;
    }
    stream.end();
    await done;
    return Number(stream.rowCount ?? 0);
  }
}

export interface ServerDriverOptions {
  connectionString: string;
  maxConnections?: number;
  connectTimeoutMs?: number;
}

/** PostgreSQL 14+ over a `pg` pool. */
export class ServerDriver implements Driver {
  readonly engine = 'server' as const;
  readonly enforcesStatementTimeout = true;
  private readonly pool: pg.Pool;
  private readonly pids = new WeakMap<pg.PoolClient, number>();

  constructor(private readonly options: ServerDriverOptions) {
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 6,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      idleTimeoutMillis: 30_000,
      application_name: 'workbench',
      types,
    });
    // An idle client that loses its server must not crash the process; the next acquire reconnects.
    this.pool.on('error', () => undefined);
  }

  async acquire(): Promise<Lease> {
    const client = await this.pool.connect();
    let pid = this.pids.get(client);
    if (pid === undefined) {
      try {
        const r = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
        pid = Number(r.rows[0]?.pid);
        this.pids.set(client, pid);
      } catch (error) {
        client.release(true);
        throw error;
      }
    }
    // A checked-out client whose server goes away (terminated backend, dropped network) emits
    // 'error': without a listener that would crash the process. The lease keeps the error, later
    // statements on it fail with it (not pg's generic "not queryable"), and the client is discarded.
    let lost: Error | undefined;
    const onError = (error: Error) => {
      lost ??= error;
    };
    client.on('error', onError);
    const connection = new ServerConnection(client, pid, () => lost);
    return {
      connection,
      release: (broken) => {
        client.off('error', onError);
        client.release(broken || lost ? true : undefined);
      },
    };
  }

  async cancel(connection: Connection): Promise<boolean> {
    if (!(connection instanceof ServerConnection)) return false;
    // A fresh connection, not the pool: a cancel must get through even when every pooled one is busy.
    const client = new pg.Client({ connectionString: this.options.connectionString, application_name: 'workbench-cancel' });
    await client.connect();
    try {
      const r = await client.query<{ ok: boolean }>('select pg_cancel_backend($1) as ok', [connection.backendPid]);
      return r.rows[0]?.ok === true;
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
