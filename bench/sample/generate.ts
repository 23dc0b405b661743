// Times generateSample and reports peak memory.
//
//   npx tsx bench/sample/generate.ts            20k, 100k and 1M jobs, each in its own child process
//   npx tsx bench/sample/generate.ts 250000     one size, in this process
//   npx tsx bench/sample/generate.ts --xlsx 1092657   only the xlsx writer, for that many opportunity-shaped rows
//
// Output goes to a fresh directory under os.tmpdir() and is removed afterwards (pass --keep to keep it).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from '../../electron/core/sample/index.ts';
import { SOURCE_FILES } from '../../electron/core/sample/headers.ts';
import { XlsxSink } from '../../electron/core/sample/writers.ts';

const SIZES = [20_000, 100_000, 1_000_000];
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const numbers = args.filter((a) => /^\d+$/.test(a)).map(Number);

const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

async function runOne(jobs: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `workbench-sample-bench-${jobs}-`));
  const started = performance.now();
  const summary = await generateSample({ outDir: dir, jobs, seed: 1 });
  const seconds = (performance.now() - started) / 1000;
  let bytes = 0;
  let rows = 0;
  for (const file of summary.files) {
    bytes += (await stat(join(dir, file.file))).size;
    if (file.kind !== 'truth') rows += file.rows;
  }
  console.log(
    `jobs=${jobs} time=${seconds.toFixed(1)}s peakRSS=${peakMb()}MB exportRows=${rows} ` +
      `bytes=${(bytes / 1e6).toFixed(0)}MB dir=${keep ? dir : '(removed)'}`,
  );
  if (!keep) await rm(dir, { recursive: true, force: true });
}

async function runXlsxOnly(rows: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-sample-bench-xlsx-'));
  const spec = SOURCE_FILES.booked_opportunity;
  const started = performance.now();
  const sink = new XlsxSink(join(dir, spec.file), spec.sheet ?? 'Sheet1', spec.headers);
  const booked = new Date(Date.UTC(2023, 6, 14));
  for (let i = 0; i < rows; i++) {
    sink.write([1001 + i, 'John Smith', 'john.smith47@gmail.com', '303-555-0142', 'Denver', 'Mike Jones', 'Google Ads',
      booked, booked, 'Local Move', '2 Bedroom', 'Denver', 'CO', 'Aurora', 'CO', 1436.5, 'Completed']);
    if (sink.needsDrain) await sink.drain();
  }
  await sink.close();
  console.log(`xlsxRows=${rows} time=${((performance.now() - started) / 1000).toFixed(1)}s peakRSS=${peakMb()}MB`);
  await rm(dir, { recursive: true, force: true });
}

const xlsxAt = args.indexOf('--xlsx');
if (xlsxAt >= 0) {
  await runXlsxOnly(Number(args[xlsxAt + 1] ?? 1_000_000));
} else if (numbers.length > 0) {
  for (const jobs of numbers) await runOne(jobs);
} else {
  // One child per size, so each peak RSS is that size's own.
  const self = fileURLToPath(import.meta.url);
  for (const jobs of SIZES) {
    const child = spawnSync(process.execPath, [...process.execArgv, self, String(jobs), ...(keep ? ['--keep'] : [])], {
      stdio: 'inherit',
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
}
