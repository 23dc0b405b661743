// better-sqlite3 is a native module: the desktop app's core process (Electron's Node) needs a build
// for Electron's ABI, while the CLI and the tests (plain Node) need node_modules' own build. Rebuilding
// in place would break one or the other, so the Electron build goes to out/native/ and the app loads it
// through better-sqlite3's `nativeBinding` option (WORKBENCH_SQLITE_BINDING). Packaged apps do not use
// this: electron-builder rebuilds native modules for Electron in its staging folder.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function electronSqliteBinding(root) {
  const version = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const target = join(root, 'out', 'native', `better_sqlite3-electron-${version}-${process.platform}-${process.arch}.node`);
  if (existsSync(target)) return target;
  const work = mkdtempSync(join(tmpdir(), 'wb-sqlite-'));
  try {
    const pkg = join(work, 'better-sqlite3');
    cpSync(join(root, 'node_modules', 'better-sqlite3'), pkg, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });
    const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
    // A prebuilt binary when one is published for this Electron, else a compile against its headers.
    const attempts = [
      [bin('prebuild-install'), ['--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, `--platform=${process.platform}`]],
      [bin('node-gyp'), ['rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers']],
    ];
    for (const [command, args] of attempts) {
      const run = spawnSync(command, args, { cwd: pkg, stdio: 'ignore', shell: process.platform === 'win32' });
      const built = join(pkg, 'build', 'Release', 'better_sqlite3.node');
      if (run.status === 0 && existsSync(built)) {
        mkdirSync(join(root, 'out', 'native'), { recursive: true });
        copyFileSync(built, target);
        return target;
      }
    }
    return undefined;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
