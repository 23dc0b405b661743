/**
 * The core's process in the desktop app: an Electron utilityProcess, so a long query or an embedded
 * engine computation never blocks the window's main thread, and a cancel still gets through.
 * It speaks a small message protocol with the main process over parentPort.
 */
import { startCore } from '../core/app.ts';
import { resolveTarget } from '../core/db/index.ts';
import type { Core } from '../core/app.ts';
import type { CoreRequest, CoreMessage } from './core-protocol.ts';

interface ParentPort {
  on(event: 'message', listener: (event: { data: CoreRequest }) => void): void;
  postMessage(message: CoreMessage): void;
}

const parentPort = (process as unknown as { parentPort: ParentPort }).parentPort;

let core: Core | undefined;
/** Which window started which run, so closing a window cancels its runs. */
const runsBySender = new Map<number, Set<string>>();
const starting = startCore({
  target: resolveTarget(undefined, process.env),
  seedSample: !process.env.WORKBENCH_DATABASE_URL,
  libraryDir: process.env.WORKBENCH_LIBRARY_DIR,
  migrationsDir: process.env.WORKBENCH_MIGRATIONS_DIR,
  onProgress: (message) => parentPort.postMessage({ type: 'progress', message }),
}).then(
  (started) => {
    core = started;
    parentPort.postMessage({ type: 'ready', label: started.db.label });
    return started;
  },
  (error: unknown) => {
    parentPort.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    return undefined;
  },
);

parentPort.on('message', ({ data }) => {
  if (data.type === 'shutdown') {
    void (core?.close() ?? Promise.resolve()).finally(() => process.exit(0));
    return;
  }
  if (data.type === 'cancel-sender') {
    for (const runId of runsBySender.get(data.sender) ?? []) core?.runs.cancel(runId);
    runsBySender.delete(data.sender);
    return;
  }
  const runId = data.method === 'query/run' ? (data.args as { runId?: string }).runId : undefined;
  if (runId) {
    const runs = runsBySender.get(data.sender) ?? new Set<string>();
    runs.add(runId);
    runsBySender.set(data.sender, runs);
  }
  void starting.then(async (ready) => {
    if (!ready) {
      parentPort.postMessage({ type: 'result', id: data.id, result: { ok: false, error: { code: 'internal', message: 'the core failed to start' } } });
      return;
    }
    const result = await ready.dispatch(data.method, data.args, {
      emit: (event, payload) => parentPort.postMessage({ type: 'event', sender: data.sender, event, payload }),
    });
    if (runId) runsBySender.get(data.sender)?.delete(runId);
    parentPort.postMessage({ type: 'result', id: data.id, result });
  });
});
