import { fail, methods } from '../../shared/contract/index.ts';
import type { MethodName, Result } from '../../shared/contract/index.ts';

/** The slice of Electron's ipcMain this module needs; tests pass a fake, the app passes ipcMain. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null;
  sender: { id: number };
}

export type Forward = (method: MethodName, args: unknown, senderId: number) => Promise<Result<unknown>>;

/**
 * Registers every contract method through one wrapper: it rejects calls from any frame that is not
 * the app's own page, parses the arguments with the method's schema, and only then forwards them to
 * the core. Every answer is a Result; nothing a renderer sends can throw in the main process.
 */
export function registerContract(ipc: IpcMainLike, forward: Forward, isTrustedSender: (url: string) => boolean): void {
  for (const method of Object.keys(methods) as MethodName[]) {
    ipc.handle(method, async (event, rawArgs) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) return fail('forbidden', `${method}: calls are accepted from the workbench window only`);
      const parsed = methods[method].args.safeParse(rawArgs ?? {});
      if (!parsed.success) {
        return fail('invalid_arguments', `${method}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      }
      try {
        return await forward(method, parsed.data, event.sender.id);
      } catch (error) {
        return fail('internal', error instanceof Error ? error.message : String(error));
      }
    });
  }
}

/**
 * A sender is trusted when its frame shows the bundled page itself (file:// URL of out/renderer's
 * index.html) or, in development, the electron-vite dev server's origin.
 */
export function trustedSender(rendererIndexUrl: string, devServerUrl?: string): (url: string) => boolean {
  const page = new URL(rendererIndexUrl);
  const dev = devServerUrl ? new URL(devServerUrl).origin : undefined;
  return (url: string) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (dev && u.origin === dev) return true;
    return u.protocol === 'file:' && u.pathname === page.pathname;
  };
}
