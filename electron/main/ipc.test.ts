import { describe, expect, it } from 'vitest';
import { registerContract, trustedSender } from './ipc.ts';
import type { IpcInvokeEventLike, IpcMainLike } from './ipc.ts';

function fakeIpc() {
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcMainLike = { handle: (channel, listener) => handlers.set(channel, listener) };
  return { ipc, handlers };
}

const page = 'file:///opt/workbench/resources/app/out/renderer/index.html';
const event = (url: string | null): IpcInvokeEventLike => ({ senderFrame: url === null ? null : { url }, sender: { id: 7 } });

describe('IPC contract wrapper', () => {
  it('registers one handler per contract method', () => {
    const { ipc, handlers } = fakeIpc();
    registerContract(ipc, async () => ({ ok: true, value: null }), () => true);
    expect([...handlers.keys()].sort()).toEqual(['db/info', 'library/choices', 'library/favourites', 'library/get', 'library/list', 'library/setFavourite', 'pipeline/cancel', 'pipeline/follow', 'pipeline/history', 'pipeline/list', 'pipeline/plan', 'pipeline/run', 'query/cancel', 'query/run']);
  });

  it('forwards a valid call from the app page with parsed arguments and the sender id', async () => {
    const { ipc, handlers } = fakeIpc();
    const forwarded: unknown[] = [];
    registerContract(ipc, async (method, args, sender) => {
      forwarded.push([method, args, sender]);
      return { ok: true, value: { cancelled: true } };
    }, trustedSender(page));
    const result = await handlers.get('query/cancel')?.(event(`${page}#/library`), { runId: 'run-12345' });
    expect(result).toEqual({ ok: true, value: { cancelled: true } });
    expect(forwarded).toEqual([['query/cancel', { runId: 'run-12345' }, 7]]);
  });

  it('rejects invalid arguments before they reach the core', async () => {
    const { ipc, handlers } = fakeIpc();
    let forwarded = 0;
    registerContract(ipc, async () => ((forwarded += 1), { ok: true, value: null }), trustedSender(page));
    const result = await handlers.get('query/run')?.(event(page), { runId: 'run-12345', sql: { toString: 'drop' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(forwarded).toBe(0);
  });

  it('rejects calls from any other frame: remote pages, other files, missing frames', async () => {
    const { ipc, handlers } = fakeIpc();
    let forwarded = 0;
    registerContract(ipc, async () => ((forwarded += 1), { ok: true, value: null }), trustedSender(page));
    for (const url of ['https://example.com/', 'file:///tmp/evil.html', 'data:text/html,hi', null]) {
      const result = await handlers.get('library/list')?.(event(url), {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(forwarded).toBe(0);
  });

  it('turns a failing forward into an error value', async () => {
    const { ipc, handlers } = fakeIpc();
    registerContract(ipc, async () => {
      throw new Error('core process exited');
    }, () => true);
    expect(await handlers.get('library/list')?.(event(page), {})).toEqual({ ok: false, error: { code: 'internal', message: 'core process exited' } });
  });

  it('trusts the dev server origin only when one is configured', () => {
    expect(trustedSender(page)('http://localhost:5173/')).toBe(false);
    expect(trustedSender(page, 'http://localhost:5173')('http://localhost:5173/index.html')).toBe(true);
  });
});
