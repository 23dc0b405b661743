import type { EventName, MethodName, Result } from '../../../shared/contract/index.ts';
import type { Transport } from './types.ts';

type Incoming =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EventName; payload: unknown };

export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/**
 * Browser mode: one WebSocket to `workbench serve` carries calls, results and events. The per-launch
 * token travels in the socket URL; the server also set it as an HttpOnly cookie on the page load.
 */
export function httpTransport(options: { url: string; openSocket?: (url: string) => SocketLike }): Transport {
  const open = options.openSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  let nextId = 1;
  let ready: Promise<SocketLike> | undefined;

  function connect(): Promise<SocketLike> {
    if (ready) return ready;
    ready = new Promise((resolve, reject) => {
      const s = open(options.url);
      s.addEventListener('open', () => resolve(s));
      s.addEventListener('error', () => reject(new Error(`cannot reach the workbench at ${options.url.replace(/token=[^&]+/, 'token=…')}`)));
      s.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data)) as Incoming;
        if (message.type === 'result') {
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
        } else {
          for (const listener of listeners) listener(message.event, message.payload);
        }
      });
      s.addEventListener('close', () => {
        for (const resolvePending of pending.values()) {
          resolvePending({ ok: false, error: { code: 'transport', message: 'the connection to the workbench closed' } });
        }
        pending.clear();
        ready = undefined;
      });
    });
    return ready;
  }

  return {
    kind: 'http',
    async call(method: MethodName, args: unknown) {
      let s: SocketLike;
      try {
        s = await connect();
      } catch (error) {
        return { ok: false, error: { code: 'transport', message: error instanceof Error ? error.message : String(error) } };
      }
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        s.send(JSON.stringify({ type: 'call', id, method, args }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
  };
}

