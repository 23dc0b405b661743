#!/usr/bin/env node
// `npm start`: build main, preload and renderer, then open the desktop app on the embedded database.
// Electron fetches its binary on first use. Where it cannot (offline machines, CI, servers), say so in
// one line and serve the same UI in browser mode instead (`workbench serve`), printing its URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { electronSqliteBinding } from './electron-sqlite.mjs';

const root = join(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function run(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('close', (code) => process.exit(code ?? 0));
}

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let binary = electronBinary();
if (!binary && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'ignore', timeout: 300_000 });
  binary = electronBinary();
}

const binding = binary ? electronSqliteBinding(root) : undefined;
if (binary && binding) {
  run(binary, [root], { ...process.env, WORKBENCH_SQLITE_BINDING: binding });
} else {
  console.error(
    binary
      ? 'workbench: could not build better-sqlite3 for Electron (it needs the network or a C++ toolchain); serving the same UI in your browser instead'
      : "workbench: Electron's binary is not available on this machine; serving the same UI in your browser instead",
  );
  run(process.execPath, [join(root, 'bin', 'workbench.mjs'), 'serve', ...process.argv.slice(2)]);
}
