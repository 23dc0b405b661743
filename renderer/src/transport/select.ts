import { createClient } from './client.ts';
import { electronTransport } from './electron.ts';
import { httpTransport } from './http.ts';
import type { WorkbenchBridge } from '../../../shared/contract/index.ts';
import type { Transport, WorkbenchClient } from './types.ts';

export interface HostWindow {
  workbench?: WorkbenchBridge;
  location: { protocol: string; host: string; search: string };
}

/**
 * Picks the transport once at start-up: the preload's bridge inside Electron, else the WebSocket of
 * `workbench serve` on the page's own origin, carrying the token from the page URL.
 */
export function selectTransport(host: HostWindow): Transport {
  if (host.workbench && host.workbench.transport === 'electron') return electronTransport(host.workbench);
  if (host.location.protocol !== 'http:' && host.location.protocol !== 'https:') {
    throw new Error(`no workbench bridge and no server: the page was loaded from ${host.location.protocol}`);
  }
  const token = new URLSearchParams(host.location.search).get('token') ?? '';
  const scheme = host.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return httpTransport({ url: `${scheme}//${host.location.host}/rpc?token=${encodeURIComponent(token)}` });
}

export function connectClient(host: HostWindow): WorkbenchClient {
  return createClient(selectTransport(host));
}
