import { contextBridge, ipcRenderer } from 'electron';
import { contractMethodNames, eventChannel } from '../../shared/contract/names.ts';
import type { IpcRendererEvent } from 'electron';
import type { EventName, WorkbenchBridge } from '../../shared/contract/index.ts';

/**
 * `window.workbench`: one named function per contract method, grouped by domain
 * (`window.workbench.query.run(args)`), and an event subscription. Nothing generic is exposed: no
 * ipcRenderer, no invoke(channel, …). The main process validates every call again.
 */
const bridge: Record<string, unknown> = {
  transport: 'electron',
  events: {
    subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
      const handler = (_event: IpcRendererEvent, message: { event: EventName; payload: unknown }) => listener(message.event, message.payload);
      ipcRenderer.on(eventChannel, handler);
      return () => ipcRenderer.removeListener(eventChannel, handler);
    },
  },
};
for (const method of contractMethodNames) {
  const [domain = '', verb = ''] = method.split('/');
  const group = (bridge[domain] ??= {}) as Record<string, (args: unknown) => Promise<unknown>>;
  group[verb] = (args: unknown) => ipcRenderer.invoke(method, args);
}

contextBridge.exposeInMainWorld('workbench', bridge as unknown as WorkbenchBridge);
