#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so `npx workbench` works right after `npm install`.
// It re-executes itself once with the project's V8 flags, which a shebang cannot carry portably, and
// passes signals on so that stopping the launcher stops the workbench too.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeFlags } from './node-flags.mjs';

if (!nodeFlags.every((flag) => process.execArgv.includes(flag))) {
  const child = spawn(process.execPath, [...nodeFlags, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  // Ctrl+C reaches the whole process group (the child too), so the launcher only waits for it;
  // a signal sent to the launcher alone (kill, a supervisor) is passed on.
  process.on('SIGINT', () => undefined);
  for (const signal of ['SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`workbench: cannot start: ${error.message}`);
    process.exit(70);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1)));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import('../electron/core/cli/main.ts');
  process.exitCode = await runCli(process.argv.slice(2));
}
