#!/usr/bin/env node
// `npm start`: build main, preload and renderer, then open the desktop app on the embedded database.
// Electron fetches its binary on first use; where it cannot (offline, CI, locked-down machines) we say
// so in one line instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

let binary = electronBinary();
if (!binary && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'ignore', timeout: 300_000 });
  binary = electronBinary();
}
if (!binary) {
  console.error(
    "workbench: Electron's binary is not installed and could not be downloaded here; the command line works without it: npx workbench --help",
  );
  process.exit(1);
}
const child = spawn(binary, [root], { stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 0));
