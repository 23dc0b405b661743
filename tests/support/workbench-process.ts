import { spawn } from 'node:child_process';
import { nodeFlags } from '../../bin/node-flags.mjs';
import { binPath } from './cli.ts';

/**
 * The CLI prints pipeline progress only when stderr is a terminal. A test that must act at a given
 * moment of a run (kill it, drop its connection) follows that progress, so the child is told its
 * stderr is one before the CLI loads; nothing else in the CLI changes.
 */
const progressOnPipe = 'data:text/javascript,process.stderr.isTTY=true';

export interface WorkbenchExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * A running `workbench` that a test can watch and kill.
 * @example const run = startWorkbench(['pipeline', 'run', '--db', dir]); await run.waitForStderr(/^running customers$/, 60_000); run.kill('SIGKILL');
 */
export interface WorkbenchProcess {
  /** The process that opens the database: the launcher does not re-execute, so a signal reaches it. */
  readonly pid: number;
  readonly exit: Promise<WorkbenchExit>;
  /** The first complete stderr line matching `pattern`; rejects when the process ends first or after `timeoutMs`. */
  waitForStderr(pattern: RegExp, timeoutMs: number): Promise<string>;
  kill(signal: NodeJS.Signals): void;
  readonly exited: boolean;
}

/** Starts the real `workbench` binary with the project's V8 flags, as one process. */
export function startWorkbench(args: string[], env: NodeJS.ProcessEnv = {}): WorkbenchProcess {
  // With the flags already set, bin/workbench.mjs runs the CLI itself instead of re-executing a child
  // (a SIGKILL to the launcher would leave that child running).
  const child = spawn(process.execPath, [...nodeFlags, '--import', progressOnPipe, binPath, ...args], {
    env: { ...process.env, WORKBENCH_DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('workbench did not start');
  let stdout = '';
  let stderr = '';
  let exited = false;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    notify();
  });
  const exit = new Promise<WorkbenchExit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      exited = true;
      notify();
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    pid: child.pid,
    exit,
    get exited() {
      return exited;
    },
    kill: (signal) => {
      if (!exited) child.kill(signal);
    },
    waitForStderr(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = stderr.split('\n').slice(0, -1).find((l) => pattern.test(l));
          if (line !== undefined) done(() => resolve(line));
          else if (exited) done(() => reject(new Error(`workbench ended before stderr showed ${pattern}; stderr:\n${stderr}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no stderr line ${pattern} within ${timeoutMs} ms; stderr:\n${stderr}`))), timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
  };
}
