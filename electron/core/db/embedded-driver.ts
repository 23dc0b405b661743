import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { FolderLock } from './lockfile.ts';
import { Mutex } from './mutex.ts';
import { TypeOid, parserFor } from './values.ts';
import type { Connection, Driver, Lease, RawResult } from './driver.ts';

// PGlite takes a parser per type OID; give it ours for every type we normalize.
const parsers: Record<number, (text: string) => unknown> = {};
for (const oid of [
  ...Object.values(TypeOid),
  1000, 1005, 1007, 1016, 1009, 1015, 1021, 1022, 1231, 1182, 1115, 1185, 199, 3807, 2951,
]) {
  parsers[oid] = parserFor(oid);
}
// bytea stays PostgreSQL's hex text on both engines.
parsers[pgliteTypes.BYTEA] = (t: string) => t;

class EmbeddedConnection implements Connection {
  constructor(private readonly db: PGlite) {}

  async query(sql: string, params: readonly unknown[]): Promise<RawResult> {
    const r = await this.db.query<unknown[]>(sql, params as unknown[], { rowMode: 'array', parsers });
    return { fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })), rows: r.rows, affectedRows: r.affectedRows ?? 0 };
  }

  async exec(script: string): Promise<void> {
    await this.db.exec(script);
  }

  /**
   * PGlite reads COPY input from a Blob in memory ('/dev/blob'), so the stream is loaded in batches
   * of about 8 MB: memory stays bounded whatever the file size. Chunks must end on row boundaries.
   */
  async copyFrom(target: string, copyOptions: string, chunks: AsyncIterable<string | Uint8Array>): Promise<number> {
    let total = 0;
    let batch: (string | Uint8Array)[] = [];
    let size = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const r = await this.db.query(`COPY ${target} FROM '/dev/blob' ${copyOptions}`, [], { blob: new Blob(batch) });
      total += r.affectedRows ?? 0;
      batch = [];
      size = 0;
    };
    for await (const chunk of chunks) {
      batch.push(chunk);
      size += chunk.length;
      if (size >= 8 * 1024 * 1024) await flush();
    }
    await flush();
    return total;
  }
}

export interface EmbeddedDriverOptions {
  /** The workbench's folder for this database; PGlite's files live in its `pgdata/`. */
  directory: string;
  /** How long to wait for another process to release the folder. */
  lockWaitMs?: number;
  /**
   * PostgreSQL's shared_buffers inside the WASM heap. PGlite's default (128MB) puts an idle embedded
   * database at ~350 MB RSS; 16MB keeps it near 230 MB, and the OS page cache still caches the files.
   */
  sharedBuffers?: string;
}

export const defaultEmbeddedSharedBuffers = '16MB';

/**
 * PGlite (PostgreSQL compiled to WASM) with its data on disk. One backend serves the process, so a
 * mutex gives each lease exclusive use of it, and a lock file keeps other processes out of the folder.
 */
export class EmbeddedDriver implements Driver {
  readonly engine = 'embedded' as const;
  readonly enforcesStatementTimeout = false;
  private readonly mutex = new Mutex();

  private constructor(
    private readonly db: PGlite,
    private readonly lock: FolderLock,
    private readonly connection: EmbeddedConnection,
  ) {}

  static async open(options: EmbeddedDriverOptions): Promise<EmbeddedDriver> {
    mkdirSync(options.directory, { recursive: true });
    const lock = await FolderLock.acquire(join(options.directory, 'workbench.lock'), {
      waitMs: options.lockWaitMs ?? 30_000,
      describe: `the embedded database at ${options.directory}`,
    });
    try {
      const db = await PGlite.create(join(options.directory, 'pgdata'), {
        extensions: { pg_trgm, fuzzystrmatch },
        postgresqlconf: [`shared_buffers = ${options.sharedBuffers ?? defaultEmbeddedSharedBuffers}`],
      });
      return new EmbeddedDriver(db, lock, new EmbeddedConnection(db));
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  async acquire(): Promise<Lease> {
    const unlock = await this.mutex.lock();
    let released = false;
    return {
      connection: this.connection,
      release: () => {
        if (released) return;
        released = true;
        unlock();
      },
    };
  }

  async cancel(): Promise<boolean> {
    // PGlite runs statements synchronously inside WASM on this thread: nothing can interrupt one.
    // The database layer stops a cursor at the next page boundary instead.
    return false;
  }

  async close(): Promise<void> {
    const unlock = await this.mutex.lock();
    try {
      await this.db.close();
    } finally {
      this.lock.release();
      unlock();
    }
  }
}
