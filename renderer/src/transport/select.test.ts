import { describe, expect, it } from 'vitest';
import { createClient } from './client.ts';
import { httpTransport } from './http.ts';
import { selectTransport } from './select.ts';
import type { WorkbenchBridge } from '../../../shared/contract/index.ts';
import type { SocketLike } from './http.ts';

function fakeBridge(calls: string[]): WorkbenchBridge {
  const method = (name: string) => async (args: unknown) => {
    calls.push(`${name} ${JSON.stringify(args)}`);
    return { ok: true as const, value: { queries: [] } };
  };
  return {
    transport: 'electron',
    events: { subscribe: () => () => undefined },
    db: { info: method('db/info') },
    query: { run: method('query/run'), cancel: method('query/cancel') },
    library: { list: method('library/list'), get: method('library/get') },
  } as unknown as WorkbenchBridge;
}

describe('transport selection', () => {
  it('uses the preload bridge inside Electron, calling its named methods', async () => {
    const calls: string[] = [];
    const transport = selectTransport({ workbench: fakeBridge(calls), location: { protocol: 'file:', host: '', search: '' } });
    expect(transport.kind).toBe('electron');
    const client = createClient(transport);
    await client.call('library/list', {});
    expect(calls).toEqual(['library/list {}']);
  });

  it('uses the WebSocket of workbench serve in a browser, with the page token', () => {
    const transport = selectTransport({ location: { protocol: 'http:', host: '127.0.0.1:5177', search: '?token=abc' } });
    expect(transport.kind).toBe('http');
  });

  it('refuses a page with neither a bridge nor a server', () => {
    expect(() => selectTransport({ location: { protocol: 'file:', host: '', search: '' } })).toThrow(/no workbench bridge/);
  });
});

describe('http transport', () => {
  it('sends calls with ids, matches results, and delivers events', async () => {
    const sent: string[] = [];
    const handlers: Record<string, ((e: { data: unknown }) => void)[]> = {};
    let url = '';
    const socket: SocketLike = {
      readyState: 1,
      send: (data) => {
        sent.push(data);
        const { id } = JSON.parse(data) as { id: number };
        setTimeout(() => {
          handlers.message?.forEach((h) => h({ data: JSON.stringify({ type: 'event', event: 'query/page', payload: { runId: 'r1234567', rows: [[1]] } }) }));
          handlers.message?.forEach((h) => h({ data: JSON.stringify({ type: 'result', id, result: { ok: true, value: { cancelled: true } } }) }));
        }, 0);
      },
      close: () => undefined,
      addEventListener: (type: string, listener: (e: { data: unknown }) => void) => {
        (handlers[type] ??= []).push(listener);
        if (type === 'open') setTimeout(() => listener({ data: undefined }), 0);
      },
    };
    const client = createClient(httpTransport({ url: 'ws://127.0.0.1:1/rpc?token=t', openSocket: (u) => ((url = u), socket) }));
    const pages: unknown[] = [];
    client.on('query/page', (p) => pages.push(p));
    const result = await client.call('query/cancel', { runId: 'r1234567' });
    expect(url).toBe('ws://127.0.0.1:1/rpc?token=t');
    expect(result).toEqual({ ok: true, value: { cancelled: true } });
    expect(JSON.parse(sent[0] ?? '{}')).toEqual({ type: 'call', id: 1, method: 'query/cancel', args: { runId: 'r1234567' } });
    expect(pages).toEqual([{ runId: 'r1234567', rows: [[1]] }]);
  });
});
