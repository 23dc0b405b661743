#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so `npx workbench` works right after `npm install`.
// It re-executes itself once with the project's V8 flags, which a shebang cannot carry portably.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeFlags } from './node-flags.mjs';

if (!nodeFlags.every((flag) => process.execArgv.includes(flag))) {
  const child = spawnSync(process.execPath, [...nodeFlags, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (child.error) throw child.error;
  process.exit(child.status ?? (child.signal === 'SIGINT' ? 130 : 1));
}

const { register } = await import('tsx/esm/api');
register();
const { runCli } = await import('../electron/core/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
