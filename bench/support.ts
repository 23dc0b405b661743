import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generateSample } from '../electron/core/sample/index.ts';

/** A generated sample of `jobs` jobs (seed 1), cached under $TMPDIR/wb-bench-samples. */
export async function sampleFor(jobs: number): Promise<string> {
  const dir = join(tmpdir(), 'wb-bench-samples', `jobs-${jobs}-seed-1`);
  if (!existsSync(join(dir, 'truth', 'manifest.json'))) {
    process.stderr.write(`generating a sample with ${jobs} jobs in ${dir}…\n`);
    await generateSample({ outDir: dir, jobs, seed: 1 });
  }
  return dir;
}

/** A new, empty database `name` on the server (dropped first if it exists); returns its URL. */
export async function scratchDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
