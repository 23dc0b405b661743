import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/index.ts';
import { importFiles, expandPaths } from '../../electron/core/import/index.ts';
import { migrate, projectMigrations } from '../../electron/core/migrate/index.ts';
import { generateSample } from '../../electron/core/sample/index.ts';
import { binPath } from '../support/cli.ts';
import { engines } from '../support/engines.ts';
import type { ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DatabaseTarget } from '../../electron/core/db/index.ts';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const shots = resolve('test-results', 'screenshots');

if (!hasChromium) {
  console.warn(`\n*** END-TO-END BROWSER SUITE SKIPPED: ${chromiumPath} is missing (apt-get install -y chromium) ***\n`);
}

interface Served {
  url: string;
  child: ChildProcess;
}

/** Starts the real `workbench serve` and resolves with the URL it prints. */
function serve(target: DatabaseTarget, home: string): Promise<Served> {
  return new Promise((resolvePromise, reject) => {
    const db = target.kind === 'server' ? target.url : target.directory;
    const child = spawn(process.execPath, [binPath, 'serve', '--db', db, '--port', '0'], {
      env: { ...process.env, WORKBENCH_HOME: home, WORKBENCH_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 60 s: ${out} ${err}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out)?.[0];
      if (url) {
        clearTimeout(timer);
        resolvePromise({ url, child });
      }
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

async function stop(served: Served | undefined): Promise<void> {
  if (!served || served.child.exitCode !== null) return;
  const exited = new Promise((r) => served.child.once('exit', r));
  served.child.kill('SIGTERM');
  await exited;
}

async function typeSql(page: Page, sql: string): Promise<void> {
  const editor = page.locator('[role="tabpanel"]:not([hidden]) .monaco-editor').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
}

describe.skipIf(!hasChromium).each(engines)('end to end in Chromium on the $name engine', (engine) => {
  const scratch = mkdtempSync(join(tmpdir(), 'wb-e2e-'));
  let served: Served | undefined;
  let cleanup: () => Promise<void> = async () => undefined;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(shots, `${engine.name}-${name}.png`) });

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    console.log(`end-to-end screenshots: ${shots}`);
    const created = await engine.create();
    cleanup = created.cleanup;
    // A migrated database with a small generated sample, so library queries return rows.
    await generateSample({ outDir: join(scratch, 'sample'), jobs: 300, seed: 3 });
    const db = await openDatabase(created.target);
    try {
      await migrate(db, projectMigrations());
      await importFiles(db, expandPaths([join(scratch, 'sample')]), { rejectsDir: join(scratch, 'rejects') });
    } finally {
      await db.close();
    }
    served = await serve(created.target, join(scratch, 'home'));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stop(served);
    await cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('refuses requests without the launch token', async () => {
    const base = new URL(served?.url ?? '').origin;
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/assets/`)).status).toBe(401);
  });

  it('shows the workbench connected to its database', async () => {
    await page.goto(served?.url ?? '');
    await expect.poll(() => page.locator('.status-bar').innerText(), { timeout: 30_000 }).toContain(engine.name === 'embedded' ? 'embedded' : 'server');
    await expect.poll(() => page.locator('.status-bar').innerText()).toMatch(/6 migrations|migrations/);
    await shot('01-start');
  });

  it('opens a library query, runs it, and shows rows in the grid and a chart', async () => {
    await page.getByRole('button', { name: /Revenue by month/ }).first().click();
    await expect.poll(() => page.getByRole('tab', { name: /Revenue by month/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const rows = page.locator('[role="tabpanel"]:not([hidden]) .result-grid .ag-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(5);
    await expect.poll(() => page.locator('[role="tabpanel"]:not([hidden]) .run-count').innerText()).toMatch(/\d+ rows?/);
    await shot('02-grid');
    await page.locator('[role="tabpanel"]:not([hidden])').getByRole('tab', { name: 'Chart' }).click();
    const chart = page.locator('[role="tabpanel"]:not([hidden]) .chart-canvas canvas');
    await expect.poll(() => chart.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const box = await chart.first().boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    await shot('03-chart');
  });

  it('marks a SQL error at its position', async () => {
    await page.getByRole('button', { name: 'New query tab' }).click();
    await typeSql(page, 'select job_id,\n  nosuch from job');
    await page.keyboard.press('Control+Enter');
    const alert = page.locator('[role="tabpanel"]:not([hidden]) [role="alert"]');
    await expect.poll(() => alert.innerText(), { timeout: 15_000 }).toContain('42703');
    await expect.poll(() => page.locator('[role="tabpanel"]:not([hidden]) .squiggly-error').count()).toBeGreaterThan(0);
    await shot('04-error');
  });

  it('cancels a long query', async () => {
    await page.getByRole('button', { name: 'New query tab' }).click();
    // The server cancels the running statement; the embedded engine stops at the next page boundary.
    const sql = engine.name === 'server' ? 'select pg_sleep(30)' : 'select g, pg_sleep(0.002) from generate_series(1, 200000) g';
    await typeSql(page, sql);
    await page.keyboard.press('Control+Enter');
    const cancel = page.locator('[role="tabpanel"]:not([hidden])').getByRole('button', { name: /^Cancel/ });
    await expect.poll(() => cancel.count(), { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(700);
    await shot('05-running');
    const clicked = performance.now();
    await cancel.click();
    await expect.poll(() => page.locator('.status-bar').innerText(), { timeout: 10_000 }).toMatch(/Cancelled/);
    expect(performance.now() - clicked).toBeLessThan(5_000);
    await shot('06-cancelled');
  });

  it('logged no console errors or warnings', () => {
    expect(consoleErrors).toEqual([]);
  });
});
