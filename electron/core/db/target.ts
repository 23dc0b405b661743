import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where a database lives: a PostgreSQL server URL, or a folder holding an embedded database. */
export type DatabaseTarget = { kind: 'server'; url: string } | { kind: 'embedded'; directory: string };

export class TargetError extends Error {
  override readonly name = 'TargetError';
}

/** The workspace folder: `WORKBENCH_HOME`, else `~/.workbench`. */
export function workbenchHome(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.WORKBENCH_HOME || join(homedir(), '.workbench'));
}

/**
 * Reads a `--db` value: a `postgres://` or `postgresql://` URL selects the server engine, anything
 * else is a folder for the embedded engine. Without a value: `WORKBENCH_DATABASE_URL`, else the
 * embedded database in the workspace folder.
 */
export function resolveTarget(value: string | undefined, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const chosen = value?.trim() || env.WORKBENCH_DATABASE_URL?.trim();
  if (!chosen) return { kind: 'embedded', directory: join(workbenchHome(env), 'embedded') };
  if (/^postgres(ql)?:\/\//i.test(chosen)) {
    try {
      new URL(chosen);
    } catch {
      throw new TargetError(`--db: not a valid PostgreSQL URL: ${redactUrl(chosen)}`);
    }
    return { kind: 'server', url: chosen };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(chosen)) {
    throw new TargetError(
      `--db: unsupported scheme in ${redactUrl(chosen)}; use postgres://… for a server or a folder path for the embedded engine`,
    );
  }
  return { kind: 'embedded', directory: resolve(chosen) };
}

/** A URL with its password replaced, for logs, errors, the status bar and history. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '*****';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:*****@');
  }
}

export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'server' ? redactUrl(target.url) : `embedded:${target.directory}`;
}
