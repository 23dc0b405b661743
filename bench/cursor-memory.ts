/**
 * Peak memory of reading many rows: through the cursor API (DECLARE … FETCH, pages of 1000) versus
 * all at once, on each engine, each measurement in a fresh process so peak RSS is its own.
 *
 *   npx tsx bench/cursor-memory.ts [--rows 1000000] [--server postgres://…]
 *
 * Without --server, WORKBENCH_BENCH_DATABASE_URL is used when set; the embedded engine always runs.
 * Children run with the same V8 flags as the `workbench` binary (bin/node-flags.mjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { nodeFlags } from '../bin/node-flags.mjs';
import { openDatabase, resolveTarget } from '../electron/core/db/index.ts';

const sqlFor = (rows: number) =>
  `select g as id, md5(g::text) as label, (g % 977) * 1.25 as amount, date '2019-01-01' + (g % 2500) as day
     from generate_series(1, ${rows}) g`;

interface Measurement {
  engine: string;
  mode: 'cursor' | 'all-at-once';
  rows: number;
  seconds: number;
  baselineRssMb: number;
  peakRssMb: number;
}

const mb = (kb: number) => Math.round(kb / 1024);

/**
 * This process's own peak RSS in kB. getrusage's maxRSS survives exec on Linux, so a child would
 * inherit its parent's peak; /proc's VmHWM belongs to the address space and starts fresh.
 */
function peakRssKb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    if (match) return Number(match[1]);
  } catch {
    // not Linux: fall back below
  }
  return process.resourceUsage().maxRSS;
}

async function child(mode: 'cursor' | 'all-at-once', target: string, rows: number): Promise<void> {
  const db = await openDatabase(resolveTarget(target), { statementTimeoutMs: 0 });
  await db.read('select 1');
  const baseline = peakRssKb();
  const started = performance.now();
  let count = 0;
  if (mode === 'cursor') {
    for await (const page of db.stream(sqlFor(rows), [], { pageSize: 1000 })) count += page.rows.length;
  } else {
    const r = await db.write((tx) => tx.query(sqlFor(rows)));
    count = r.rows.length;
  }
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  if (count !== rows) throw new Error(`read ${count} rows, expected ${rows}`);
  const m: Omit<Measurement, 'engine'> = { mode, rows, seconds: Number(seconds.toFixed(2)), baselineRssMb: mb(baseline), peakRssMb: mb(peakRssKb()) };
  process.stdout.write(JSON.stringify(m));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '1000000' }, server: { type: 'string' }, child: { type: 'string' }, target: { type: 'string' } },
  });
  const rows = Number(values.rows);
  if (values.child === 'init') {
    await (await openDatabase(resolveTarget(values.target))).close();
    return;
  }
  if (values.child) {
    await child(values.child as 'cursor' | 'all-at-once', values.target ?? '', rows);
    return;
  }
  const server = values.server ?? process.env.WORKBENCH_BENCH_DATABASE_URL;
  const scratch = mkdtempSync(join(tmpdir(), 'wb-bench-'));
  const targets: [string, string][] = [['embedded', join(scratch, 'db')]];
  if (server) targets.push(['server', server]);
  // Create the embedded database first: its one-off initdb must not count as the read's peak.
  spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', 'init', '--target', join(scratch, 'db')], { stdio: 'inherit' });
  const results: Measurement[] = [];
  try {
    for (const [engine, target] of targets) {
      for (const mode of ['cursor', 'all-at-once'] as const) {
        const run = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', import.meta.filename, '--child', mode, '--target', target, '--rows', String(rows)], {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        });
        if (run.status !== 0) {
          results.push({ engine, mode, rows, seconds: NaN, baselineRssMb: NaN, peakRssMb: NaN });
          process.stderr.write(`${engine} ${mode} failed: ${run.stderr.split('\n').slice(0, 3).join(' ')}\n`);
          continue;
        }
        results.push({ engine, ...(JSON.parse(run.stdout) as Omit<Measurement, 'engine'>) });
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`rows: ${rows}; node ${process.version}; ${new Date().toISOString()}`);
  console.log('engine    mode         seconds  baseline RSS MB  peak RSS MB');
  for (const r of results) {
    console.log(`${r.engine.padEnd(9)} ${r.mode.padEnd(12)} ${String(r.seconds).padStart(7)}  ${String(r.baselineRssMb).padStart(15)}  ${String(r.peakRssMb).padStart(11)}`);
  }
  for (const [engine] of targets) {
    const cursor = results.find((r) => r.engine === engine && r.mode === 'cursor');
    const all = results.find((r) => r.engine === engine && r.mode === 'all-at-once');
    if (cursor && all) console.log(`${engine}: peak RSS cursor / all-at-once = ${(cursor.peakRssMb / all.peakRssMb).toFixed(2)}`);
  }
}

await main();
