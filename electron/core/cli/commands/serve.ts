import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { startCore } from '../../app.ts';
import { resolveTarget } from '../../db/index.ts';
import { startServer } from '../../serve/server.ts';
import { dbOptionHelp } from '../context.ts';
import { UserError } from '../errors.ts';
import type { CliIo } from '../context.ts';

interface ServeFlags {
  db?: string;
  port?: number;
  open?: boolean;
}

const projectRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const rendererDirectory = fileURLToPath(new URL('../../../../out/renderer/', import.meta.url));

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0–65535 (0 picks a free one)');
  return n;
}

/** Builds the renderer when out/renderer is missing (a fresh clone). */
function ensureRendererBuilt(io: CliIo): void {
  if (existsSync(`${rendererDirectory}index.html`)) return;
  io.stderr('building the user interface (first run)…\n');
  const build = spawnSync(process.execPath, [`${projectRoot}node_modules/electron-vite/bin/electron-vite.js`, 'build'], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (build.status !== 0) throw new UserError(`building the user interface failed: ${build.stderr.trim().split('\n').slice(-3).join(' ')}`);
}

function openBrowser(url: string): void {
  // Our own loopback URL, never user input.
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  spawn(command, args, { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}

/** `workbench serve`: the UI in a browser, on 127.0.0.1, behind a per-launch token. */
export function serveCommand(io: CliIo): Command {
  return new Command('serve')
    .description('serve the workbench UI and its API on 127.0.0.1 (browser mode); Ctrl+C stops it')
    .option('--db <target>', `${dbOptionHelp}; the default embedded database is filled with the sample CRM data on first start`)
    .option('--port <n>', 'port on 127.0.0.1 (default: 5177; 0 picks a free one)', port)
    .option('--open', 'open the URL in the default browser')
    .action(async (flags: ServeFlags) => {
      ensureRendererBuilt(io);
      // No database named at all: the embedded default, filled with the sample on its first start.
      const isDefault = !flags.db && !io.env.WORKBENCH_DATABASE_URL;
      const core = await startCore({ target: resolveTarget(flags.db, io.env), env: io.env, seedSample: isDefault, onProgress: (m) => io.stderr(`${m}\n`) });
      let server;
      try {
        server = await startServer({ dispatch: core.dispatch, staticDir: rendererDirectory, port: flags.port ?? 5177, onDisconnect: (ids) => ids.forEach((id) => core.runs.cancel(id)) });
      } catch (error) {
        await core.close();
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UserError(`port ${flags.port ?? 5177} is in use; pick another with --port`);
        throw error;
      }
      io.stdout(`workbench serving ${core.db.label}\n${server.url}\n`);
      if (flags.open) openBrowser(server.url);
      const running = server;
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = () => {
          // A second Ctrl+C does not wait for work in flight.
          if (stopping) process.exit(130);
          stopping = true;
          io.stderr('stopping (press Ctrl+C again to quit at once)…\n');
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await running.close();
      await core.close();
    });
}
