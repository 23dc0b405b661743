#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx: `npx workbench` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/core/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
