import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
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
  let target: DatabaseTarget | undefined;
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
    target = created.target;
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

  it('opens the pipeline screen and plans: per step and table the rows it would change, nothing changed', async () => {
    await page.getByRole('button', { name: 'Pipelines', exact: true }).click();
    const screen = page.getByRole('main', { name: 'Pipelines' });
    await expect.poll(() => screen.locator('.pipeline-steps tbody tr').count(), { timeout: 15_000 }).toBe(8);
    await expect.poll(() => screen.locator('.pipeline-steps').innerText()).toMatch(/never run/);
    await shot('07-pipeline-steps');
    await screen.getByRole('button', { name: 'Plan (dry run)' }).click();
    await expect.poll(() => screen.locator('.pipeline-card').count(), { timeout: 120_000 }).toBe(8);
    expect(await screen.locator('.pipeline-outcome-head').innerText()).toMatch(/row changes would be made: .*Nothing was changed/s);
    const branches = screen.getByRole('region', { name: 'Step branches' });
    expect(await branches.innerText()).toMatch(/branch\s+would insert\s+[1-9]/);
    await branches.getByRole('button', { name: /^Sample/ }).first().click();
    await expect.poll(() => branches.locator('.pipeline-sample-table tbody tr').count()).toBeGreaterThan(0);
    expect(await screen.locator('.pipeline-notes').count()).toBeGreaterThan(0);
    await shot('08-pipeline-plan');
  }, 240_000);

  it('runs after a confirmation showing the plan\'s totals, with live progress, and the history shows the audit rows', async () => {
    const screen = page.getByRole('main', { name: 'Pipelines' });
    await screen.getByRole('button', { name: 'Run…', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.innerText()).toMatch(/Run 8 steps\?[\s\S]*Total/);
    await shot('09-pipeline-confirm');
    // The run button has the focus: Enter confirms.
    expect(await dialog.getByRole('button', { name: 'Run 8 steps' }).evaluate((button) => button === button.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    // The live view shows while the steps run; a fast machine may finish before it is seen.
    const live = screen.locator('.pipeline-live');
    if (await live.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
      await expect.poll(() => live.innerText()).toMatch(/Running pipelines: step \d of 8/);
      await shot('10-pipeline-running');
    }
    await expect.poll(() => screen.locator('.pipeline-outcome-head').innerText(), { timeout: 180_000 }).toMatch(/Run finished/);
    await expect.poll(() => screen.locator('.pipeline-history-table tbody tr').count(), { timeout: 30_000 }).toBe(8);
    expect(await screen.locator('.pipeline-history-table').innerText()).toMatch(/completed/);
    await expect.poll(() => screen.locator('.pipeline-steps .pipeline-status-completed').count()).toBe(8);
    await shot('11-pipeline-run');
    await screen.locator('.pipeline-history-table').scrollIntoViewIfNeeded();
    await shot('12-pipeline-history');
  }, 240_000);

  it('finds nothing to change on a second plan', async () => {
    const screen = page.getByRole('main', { name: 'Pipelines' });
    expect(await screen.getByRole('button', { name: 'Plan (dry run)' }).getAttribute('title')).toMatch(/\(Alt\+P\)$/);
    await page.keyboard.press('Alt+KeyP');
    await expect.poll(() => screen.locator('.pipeline-outcome-head').innerText(), { timeout: 120_000 }).toMatch(/No changes: the selected steps are up to date/);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await shot('13-pipeline-replan-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
  }, 240_000);

  // The embedded database is the server process's alone while it serves; the server can be reached.
  it.skipIf(engine.name !== 'server')('shows a failed step: which one, its message, and that nothing changed', async () => {
    const url = target?.kind === 'server' ? target.url : '';
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create function refuse_customer() returns trigger language plpgsql as $$ begin raise exception 'customers are frozen for this test'; end $$;
                         create trigger refuse_customer before insert on customer for each statement execute function refuse_customer();`);
      const screen = page.getByRole('main', { name: 'Pipelines' });
      await screen.getByRole('button', { name: 'Plan (dry run)' }).click();
      const alert = screen.locator('.pipeline-error');
      await expect.poll(() => alert.count(), { timeout: 120_000 }).toBe(1);
      expect(await alert.innerText()).toMatch(/Step customers failed[\s\S]*customers are frozen for this test[\s\S]*Nothing was changed/);
      await shot('14-pipeline-failed');
    } finally {
      await admin.query('drop trigger if exists refuse_customer on customer; drop function if exists refuse_customer()');
      await admin.end();
    }
  }, 240_000);

  // A run that lasts long enough to cancel needs a step held up: only the server can be reached from here.
  it.skipIf(engine.name !== 'server')('cancels a run from its live view: the step in flight is rolled back, the steps before stay applied', async () => {
    const url = target?.kind === 'server' ? target.url : '';
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const screen = page.getByRole('main', { name: 'Pipelines' });
      await page.keyboard.press('Alt+KeyP');
      await expect.poll(() => screen.locator('.pipeline-outcome-head').innerText(), { timeout: 120_000 }).toMatch(/No changes: the selected steps are up to date/);
      await screen.getByRole('button', { name: 'Run…', exact: true }).click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
      // The customers step waits on this lock: the run stays in it until it is cancelled.
      await admin.query('begin');
      await admin.query('lock table customer in access exclusive mode');
      await page.keyboard.press('Enter');
      const live = screen.locator('.pipeline-live');
      await expect.poll(() => live.innerText(), { timeout: 60_000 }).toMatch(/Running pipelines: step 5 of 8 \(customers\)/);
      const cancel = live.getByRole('button', { name: 'Cancel', exact: true });
      expect(await cancel.getAttribute('title')).toMatch(/step in flight is rolled back.*\(Alt\+C\)$/);
      await shot('15-pipeline-cancel');
      await cancel.click();
      const alert = screen.locator('.pipeline-error');
      await expect.poll(() => alert.count(), { timeout: 30_000 }).toBe(1);
      expect(await alert.innerText()).toMatch(
        /The run was cancelled at step customers[\s\S]*Cancelled\s*customers changed nothing: its transaction was rolled back\.[\s\S]*Applied\s*branches, lead-sources, sales-persons, quote-linkage completed before it/,
      );
      await expect.poll(() => screen.locator('.pipeline-history-table tbody tr').first().innerText(), { timeout: 30_000 }).toMatch(/customers\s+run\s+cancelled[\s\S]*cancelled by the user/);
      await shot('16-pipeline-cancelled');
    } finally {
      await admin.query('rollback').catch(() => undefined);
      await admin.end();
    }
  }, 240_000);

  it('logged no console errors or warnings', () => {
    expect(consoleErrors).toEqual([]);
  });
});
