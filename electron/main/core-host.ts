import { utilityProcess } from 'electron';
import { eventChannel } from '../../shared/contract/index.ts';
import type { UtilityProcess, WebContents } from 'electron';
import type { MethodName, Result } from '../../shared/contract/index.ts';
import type { CoreMessage, CoreRequest } from './core-protocol.ts';

export interface CoreHostOptions {
  /** Built core-process.js. */
  modulePath: string;
  env: NodeJS.ProcessEnv;
  execArgv: string[];
  findContents: (id: number) => WebContents | undefined;
  onProgress: (message: string) => void;
  onFatal: (message: string) => void;
}

/**
 * Owns the core's utility process: forwards contract calls to it, matches results to calls, and
 * routes its events to the window that made the call.
 */
export class CoreHost {
  private readonly child: UtilityProcess;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private nextId = 1;

  constructor(private readonly options: CoreHostOptions) {
    this.child = utilityProcess.fork(options.modulePath, [], {
      serviceName: 'Workbench core',
      env: options.env,
      execArgv: options.execArgv,
      stdio: 'inherit',
    });
    this.child.on('message', (message: CoreMessage) => this.receive(message));
    this.child.on('exit', (code) => {
      for (const resolve of this.pending.values()) {
        resolve({ ok: false, error: { code: 'internal', message: `the core process exited (code ${code})` } });
      }
      this.pending.clear();
    });
  }

  call(method: MethodName, args: unknown, sender: number): Promise<Result<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post({ type: 'call', id, sender, method, args });
    });
  }

  /** Cancels the runs of a window that went away. */
  forgetSender(sender: number): void {
    this.post({ type: 'cancel-sender', sender });
  }

  shutdown(): void {
    this.post({ type: 'shutdown' });
  }

  private post(request: CoreRequest): void {
    this.child.postMessage(request);
  }

  private receive(message: CoreMessage): void {
    switch (message.type) {
      case 'result':
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
        break;
      case 'event':
        this.options.findContents(message.sender)?.send(eventChannel, { event: message.event, payload: message.payload });
        break;
      case 'progress':
      case 'ready':
        this.options.onProgress(message.type === 'ready' ? `core ready on ${message.label}` : message.message);
        break;
      case 'fatal':
        this.options.onFatal(message.message);
        break;
    }
  }
}
