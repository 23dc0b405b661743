/**
 * First and later start of the embedded default: `workbench serve` with a fresh WORKBENCH_HOME and no
 * database configured, timed from spawn to the printed URL (the UI can be opened), then again.
 *
 *   npx tsx bench/startup.ts [--runs 2]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { binPath } from '../tests/support/cli.ts';

function timeServe(home: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [binPath, 'serve', '--port', '0'], {
      env: { ...process.env, WORKBENCH_HOME: home, WORKBENCH_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let seconds: number | undefined;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (seconds === undefined && /http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(d.toString())) {
        seconds = (performance.now() - started) / 1000;
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => (seconds === undefined ? reject(new Error(`serve exited ${code}: ${err}`)) : resolve(seconds)));
  });
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '2' } } });
const home = mkdtempSync(join(tmpdir(), 'wb-startup-'));
try {
  console.log(`node ${process.version}; ${new Date().toISOString()}`);
  const first = await timeServe(home);
  console.log(`first start (create, migrate, generate and import the default sample): ${first.toFixed(1)} s`);
  for (let i = 0; i < Number(values.runs); i += 1) {
    const later = await timeServe(home);
    console.log(`later start ${i + 1} (reuse): ${later.toFixed(1)} s`);
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
