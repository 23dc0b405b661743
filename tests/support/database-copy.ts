import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { serverUrl } from './engines.ts';
import type { DatabaseTarget } from '../../electron/core/db/index.ts';

let serverCopies: Promise<unknown> = Promise.resolve();

/**
 * A copy of a closed test database (a folder copy, or `CREATE DATABASE … TEMPLATE` on the server), so
 * that several scenarios start from one imported state without importing again.
 *
 * @example const { target, cleanup } = await copyDatabase(base, 'kill'); … await cleanup();
 */
export async function copyDatabase(source: DatabaseTarget, label: string): Promise<{ target: DatabaseTarget; cleanup: () => Promise<void> }> {
  if (!/^[a-z][a-z0-9_]*$/.test(label)) throw new Error(`bad copy label ${JSON.stringify(label)}`);
  if (source.kind === 'embedded') {
    if (existsSync(join(source.directory, 'workbench.lock'))) throw new Error(`${source.directory} is open; close it before copying`);
    const directory = `${source.directory}-${label}`;
    cpSync(source.directory, directory, { recursive: true });
    return { target: { kind: 'embedded', directory }, cleanup: async () => rmSync(directory, { recursive: true, force: true }) };
  }
  if (!serverUrl) throw new Error('WORKBENCH_TEST_DATABASE_URL is not set');
  const url = new URL(source.url);
  const name = url.pathname.slice(1);
  const copy = `${name}_${label}`;
  if (!/^[a-z][a-z0-9_]*$/.test(name) || copy.length > 63) throw new Error(`cannot copy database ${JSON.stringify(name)}`);
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  // One copy at a time: CREATE DATABASE refuses a template that another session is using.
  const created = serverCopies.then(() => admin(`create database ${copy} template ${name}`));
  serverCopies = created.catch(() => undefined);
  await created;
  url.pathname = `/${copy}`;
  return { target: { kind: 'server', url: url.toString() }, cleanup: () => admin(`drop database if exists ${copy} with (force)`) };
}
