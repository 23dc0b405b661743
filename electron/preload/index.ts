import { contextBridge } from 'electron';

/**
 * The preload exposes named, typed methods as `window.workbench` and nothing generic. The contract
 * grows with the app (issue: the desktop shell); for now it tells the renderer it runs in Electron.
 */
const api = {
  transport: 'electron' as const,
  versions: { electron: process.versions.electron ?? 'unknown', chrome: process.versions.chrome ?? 'unknown' },
};

contextBridge.exposeInMainWorld('workbench', api);

export type PreloadApi = typeof api;
