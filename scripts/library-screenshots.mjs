#!/usr/bin/env node
/**
 * A screenshot tour of the query library in headless Chromium, against `workbench serve` on a
 * database you name (load it first: `workbench sample`, `workbench import`, `workbench pipeline run`):
 * the library, a query opened with its parameter form, run with its preset chart and formatted grid,
 * a favourite, a search, a form error, a lookup choice, the keyboard path, and the dark theme.
 *
 *   node scripts/library-screenshots.mjs --db <folder or postgres://…> [--out test-results/screenshots/library] [--chromium /usr/bin/chromium]
 *
 * Exits 1 when a step fails or the page logs a console error or warning.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    out: { type: 'string', default: 'test-results/screenshots/library' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
if (!values.db) {
  console.error('usage: node scripts/library-screenshots.mjs --db <folder or postgres://…> [--out DIR] [--chromium PATH]');
  process.exit(2);
}
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const bin = fileURLToPath(new URL('../bin/workbench.mjs', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'wb-screenshots-'));

/** Starts `workbench serve` with an empty workspace and resolves with the URL it prints. */
function serve() {
  const child = spawn(process.execPath, [bin, 'serve', '--db', values.db, '--port', '0'], {
    env: { ...process.env, WORKBENCH_HOME: home, WORKBENCH_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveUrl, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(text)?.[0];
      if (url) resolveUrl({ url, child });
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) => reject(new Error(`workbench serve exited with ${code}`)));
  });
}

const { url, child } = await serve();
const browser = await chromium.launch({ executablePath: values.chromium, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
const page = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
const problems = [];
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
});
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
const shots = [];
const shot = async (name) => {
  const path = join(out, `${name}.png`);
  await page.screenshot({ path });
  shots.push(path);
};
const visible = '[role="tabpanel"]:not([hidden])';
const search = () => page.getByLabel('Search queries');

try {
  await page.goto(url);
  const revenue = page.getByRole('button', { name: /Revenue by month/ }).first();
  await revenue.waitFor({ timeout: 30_000 });
  await shot('01-library');

  await revenue.click();
  await page.getByRole('tab', { name: /Revenue by month/ }).waitFor();
  await shot('02-parameter-form');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator(`${visible} .result-grid .ag-row`).first().waitFor({ timeout: 30_000 });
  await page.locator(`${visible} .chart-canvas canvas`).first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(800);
  await shot('03-preset-chart-and-formatted-grid');

  await page.getByRole('button', { name: 'Favourite', exact: true }).click();
  await search().fill('margin');
  await page.waitForTimeout(300);
  await shot('04-favourite-recent-and-search');
  await search().fill('');

  const minimum = page.getByLabel('Minimum jobs per month');
  await minimum.fill('');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByText('Enter a whole number.').waitFor();
  await shot('05-form-error');

  const branch = page.getByRole('combobox', { name: 'Branch' });
  const options = await branch.locator('option').allTextContents();
  if (options.length > 1) await branch.selectOption({ index: 1 });
  await minimum.fill('2');
  await minimum.press('Enter');
  await page.waitForTimeout(1500);
  await shot('06-lookup-choice');

  // Keyboard only: search, down to the first query, right to its star, Enter, back left, Enter opens it.
  await search().fill('leaderboard');
  await search().press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(2000);
  await shot('07-keyboard');

  await page.getByRole('button', { name: /theme/i }).first().click();
  await page.waitForTimeout(500);
  await shot('08-dark');
} catch (error) {
  problems.push(`step failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  await shot('99-failure').catch(() => undefined);
} finally {
  await browser.close();
  child.kill('SIGTERM');
  rmSync(home, { recursive: true, force: true });
}
for (const path of shots) console.log(path);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
