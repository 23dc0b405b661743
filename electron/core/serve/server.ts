import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { resolveStatic, sendFile } from './static.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocket } from 'ws';
import type { CallContext, Dispatch, EventName } from '../../../shared/contract/index.ts';

/** The same policy as the Electron window's (electron/main/security.ts); a test keeps them equal. */
export const browserContentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': browserContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface ServeOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  /** Defaults to a fresh random token. */
  token?: string;
  /** Called when a socket closes, with the run ids it started, so they can be cancelled. */
  onDisconnect?: (runIds: string[]) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const cookieName = 'workbench_token';

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName) return value.join('=');
  }
  return undefined;
}

/**
 * `workbench serve`: the built renderer and the contract over one WebSocket, on 127.0.0.1 only.
 * Every request needs the per-launch token (in the URL, then as an HttpOnly SameSite=Strict cookie);
 * the Host header must name this server (DNS rebinding) and a socket's Origin must be this server
 * (cross-site WebSocket hijacking).
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  function authorized(req: IncomingMessage, url: URL): boolean {
    return sameToken(url.searchParams.get('token'), token) || sameToken(cookieToken(req), token);
  }

  function refuse(res: ServerResponse, status: number, message: string): void {
    res.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`${message}\n`);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421, 'misdirected request: use the URL workbench serve printed');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    if (!authorized(req, url)) return refuse(res, 401, 'unauthorized: open the URL with the token that workbench serve printed');
    const file = resolveStatic(options.staticDir, url.pathname);
    if (!file) return refuse(res, 404, 'not found');
    const headers: Record<string, string> = { ...securityHeaders };
    if (url.searchParams.has('token')) headers['Set-Cookie'] = `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    sendFile(res, file, headers);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = req.headers.origin ?? '';
    const originOk = origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (url.pathname !== '/rpc' || !allowedHosts().has(req.headers.host ?? '') || !originOk || !authorized(req, url)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  function serveSocket(ws: WebSocket): void {
    const runIds = new Set<string>();
    const context: CallContext = {
      emit(event: EventName, payload: unknown) {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'event', event, payload }));
      },
    };
    ws.on('message', (data) => {
      let message: { type?: unknown; id?: unknown; method?: unknown; args?: unknown };
      try {
        message = JSON.parse(data.toString()) as typeof message;
      } catch {
        ws.send(JSON.stringify({ type: 'result', id: null, result: { ok: false, error: { code: 'invalid_arguments', message: 'message is not JSON' } } }));
        return;
      }
      if (message.type !== 'call' || typeof message.id !== 'number') {
        ws.send(JSON.stringify({ type: 'result', id: message.id ?? null, result: { ok: false, error: { code: 'invalid_arguments', message: 'expected {type:"call", id:number, method, args}' } } }));
        return;
      }
      const id = message.id;
      const runId = message.method === 'query/run' && typeof (message.args as { runId?: unknown })?.runId === 'string' ? String((message.args as { runId: string }).runId) : undefined;
      if (runId) runIds.add(runId);
      void options.dispatch(message.method, message.args, context).then((result) => {
        if (runId) runIds.delete(runId);
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result }));
      });
    });
    ws.on('close', () => {
      if (runIds.size > 0) options.onDisconnect?.([...runIds]);
    });
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
    },
  };
}
