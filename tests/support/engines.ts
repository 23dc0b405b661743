import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../electron/core/db/index.ts';
import type { Database, DatabaseTarget } from '../../electron/core/db/index.ts';

/**
 * The engines an integration suite runs against: the embedded engine always, and the PostgreSQL
 * server named by WORKBENCH_TEST_DATABASE_URL when it is set. Each test gets a fresh database: a new
 * folder, or a new database created on the server (the URL's user needs CREATEDB).
 */
export interface TestEngine {
  name: 'embedded' | 'server';
  /** A new, empty database; `cleanup` removes it. */
  create(): Promise<{ target: DatabaseTarget; cleanup: () => Promise<void> }>;
}

export const serverUrl = process.env.WORKBENCH_TEST_DATABASE_URL?.trim() || undefined;

const embedded: TestEngine = {
  name: 'embedded',
  async create() {
    const directory = mkdtempSync(join(tmpdir(), 'wb-test-'));
    return { target: { kind: 'embedded', directory }, cleanup: async () => rmSync(directory, { recursive: true, force: true }) };
  },
};

let counter = 0;

const server: TestEngine = {
  name: 'server',
  async create() {
    if (!serverUrl) throw new Error('WORKBENCH_TEST_DATABASE_URL is not set');
    counter += 1;
    const name = `wb_test_${process.pid}_${Date.now().toString(36)}_${counter}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      target: { kind: 'server', url: url.toString() },
      cleanup: async () => {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  },
};

export const engines: TestEngine[] = serverUrl ? [embedded, server] : [embedded];

if (!serverUrl && !process.env.WORKBENCH_QUIET_SKIP) {
  // Loud on purpose: a green run without the server suite must not pass unnoticed.
  console.warn(
    '\n*** SERVER SUITE SKIPPED: WORKBENCH_TEST_DATABASE_URL is not set; integration tests ran on the embedded engine only ***\n',
  );
}

/** Opens a fresh database on `engine`; call the returned `dispose` in afterEach/afterAll. */
export async function freshDatabase(engine: TestEngine): Promise<{ db: Database; target: DatabaseTarget; dispose: () => Promise<void> }> {
  const { target, cleanup } = await engine.create();
  const db = await openDatabase(target, { lockWaitMs: 60_000 });
  return {
    db,
    target,
    dispose: async () => {
      await db.close();
      await cleanup();
    },
  };
}
