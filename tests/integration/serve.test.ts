import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startCore } from '../../electron/core/app.ts';
import { startServer } from '../../electron/core/serve/server.ts';
import { engines } from '../support/engines.ts';
import type { Core } from '../../electron/core/app.ts';
import type { RunningServer } from '../../electron/core/serve/server.ts';

interface Message {
  type: string;
  id?: number;
  event?: string;
  payload?: { rows: unknown[][]; offset: number };
  result?: { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
}

function openSocket(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe.each(engines)('workbench serve on the $name engine', (engine) => {
  let core: Core;
  let server: RunningServer;
  let staticDir: string;
  let cleanup: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    const created = await engine.create();
    cleanup = created.cleanup;
    staticDir = mkdtempSync(join(tmpdir(), 'wb-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>wb</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    const home = mkdtempSync(join(tmpdir(), 'wb-home-'));
    core = await startCore({ target: created.target, env: { WORKBENCH_HOME: home } });
    server = await startServer({ dispatch: core.dispatch, staticDir, port: 0, onDisconnect: (ids) => ids.forEach((id) => core.runs.cancel(id)) });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await core?.close();
    await cleanup?.();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('answers 401 without the token and serves the page with it, setting an HttpOnly cookie', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/?token=wrong`)).status).toBe(401);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toMatch(/^workbench_token=[^;]+; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const asset = await fetch(`${base}/assets/app.js`, { headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses a foreign Host header and paths outside the static folder', async () => {
    // fetch() will not send a foreign Host header; node:http will, as a DNS-rebinding page would.
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: `/?token=${server.token}`, headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
    expect((await fetch(`${base}/..%2f..%2fpackage.json?token=${server.token}`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd?token=${server.token}`)).status).toBe(404);
  });

  it('refuses a socket without the token or from another origin', async () => {
    await expect(openSocket(`ws://127.0.0.1:${server.port}/rpc`, base)).rejects.toThrow(/401|Unexpected server response/);
    await expect(openSocket(`ws://127.0.0.1:${server.port}/rpc?token=${server.token}`, 'http://evil.example')).rejects.toThrow(/401|Unexpected server response/);
  });

  it('carries calls, results and page events over the socket', async () => {
    const ws = await openSocket(`ws://127.0.0.1:${server.port}/rpc?token=${server.token}`, base);
    const messages: Message[] = [];
    const done = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        const m = JSON.parse(data.toString()) as Message;
        messages.push(m);
        if (m.type === 'result' && m.id === 3) resolve();
      }),
    );
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'library/list', args: {} }));
    ws.send(JSON.stringify({ type: 'call', id: 2, method: 'query/run', args: { runId: 'bad' } }));
    ws.send(JSON.stringify({ type: 'call', id: 3, method: 'query/run', args: { runId: 'run-abcdef', sql: 'select g from generate_series(1, 25) g', pageSize: 10 } }));
    await done;
    ws.close();
    const list = messages.find((m) => m.id === 1)?.result;
    expect(list?.ok).toBe(true);
    expect((list?.value?.queries as { slug: string }[]).map((q) => q.slug)).toContain('revenue-by-month');
    expect(messages.find((m) => m.id === 2)?.result?.error?.code).toBe('invalid_arguments');
    const pages = messages.filter((m) => m.type === 'event' && m.event === 'query/page');
    expect(pages.map((p) => [p.payload?.offset, p.payload?.rows.length])).toEqual([
      [0, 10],
      [10, 10],
      [20, 5],
    ]);
    expect(messages.find((m) => m.id === 3)?.result).toMatchObject({ ok: true, value: { rowCount: 25, truncated: false } });
  });

  it('returns SQL errors as data with SQLSTATE and position', async () => {
    const ws = await openSocket(`ws://127.0.0.1:${server.port}/rpc?token=${server.token}`, base);
    const reply = new Promise<Message>((resolve) => ws.on('message', (d) => resolve(JSON.parse(d.toString()) as Message)));
    ws.send(JSON.stringify({ type: 'call', id: 9, method: 'query/run', args: { runId: 'run-err-01', sql: 'select nope from job' } }));
    const m = await reply;
    ws.close();
    expect(m.result).toMatchObject({ ok: false, error: { code: 'database', detail: { sqlstate: '42703', position: 8 } } });
  });
});
