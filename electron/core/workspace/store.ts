import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { redactUrl } from '../db/index.ts';
import { workspaceMigrations } from './schema.ts';
import { noSecretCipher } from './secrets.ts';
import type { SecretCipher } from './secrets.ts';

export interface ConnectionProfile {
  id: number;
  name: string;
  engine: 'embedded' | 'server';
  /** Server URL without password, or the embedded folder. */
  location: string;
  hasPassword: boolean;
}

export interface HistoryEntry {
  id: number;
  database: string;
  sql: string;
  params: unknown[];
  querySlug: string | null;
  status: 'ok' | 'error' | 'cancelled';
  rowCount: number | null;
  durationMs: number | null;
  error: string | null;
  startedAt: string;
}

export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'querySlug' | 'rowCount' | 'durationMs' | 'error'> &
  Partial<Pick<HistoryEntry, 'querySlug' | 'rowCount' | 'durationMs' | 'error'>>;

export interface WorkspaceStoreOptions {
  /** Path of the SQLite file, or ':memory:'. */
  file: string;
  cipher?: SecretCipher;
  /** History keeps this many newest entries. */
  historyLimit?: number;
  /**
   * A better-sqlite3 binary built for another ABI. The desktop app's core process runs on Electron's
   * Node and loads an Electron build from here, while the CLI and tests load node_modules' Node build.
   */
  nativeBinding?: string;
}

interface ProfileRow {
  id: number;
  name: string;
  engine: 'embedded' | 'server';
  location: string;
  password_cipher: Buffer | null;
}

/**
 * Per-user state that does not belong in the analytics database: connection profiles, query
 * history, favourites and settings, in one SQLite file (WAL mode) under the workspace folder.
 */
export class WorkspaceStore {
  private readonly db: BetterSqlite3.Database;
  private readonly cipher: SecretCipher;
  private readonly historyLimit: number;

  constructor(options: WorkspaceStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new BetterSqlite3(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.cipher = options.cipher ?? noSecretCipher;
    this.historyLimit = options.historyLimit ?? 5000;
    this.migrate();
  }

  /** The schema version (number of workspace migrations applied). */
  get version(): number {
    return Number(this.db.pragma('user_version', { simple: true }));
  }

  private migrate(): void {
    const current = this.version;
    if (current > workspaceMigrations.length) {
      throw new Error(`the workspace file is at version ${current}, newer than this workbench (${workspaceMigrations.length}); upgrade the workbench`);
    }
    workspaceMigrations.slice(current).forEach((sql, index) => {
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${current + index + 1}`);
      })();
    });
  }

  /**
   * Saves a connection profile. A password in a server URL is split off and stored encrypted through
   * the cipher; without one the call is refused rather than writing the password in plain text.
   */
  saveProfile(input: { name: string; engine: 'embedded' | 'server'; location: string; password?: string }): ConnectionProfile {
    let location = input.location;
    let password = input.password;
    if (input.engine === 'server') {
      const url = new URL(input.location);
      if (url.password) {
        password = decodeURIComponent(url.password);
        url.password = '';
      }
      location = url.toString();
    }
    const cipherText = password ? this.cipher.encrypt(password) : null;
    this.db
      .prepare(
        `insert into connection_profile (name, engine, location, password_cipher) values (?, ?, ?, ?)
         on conflict (name) do update set engine = excluded.engine, location = excluded.location,
           password_cipher = excluded.password_cipher, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      )
      .run(input.name, input.engine, location, cipherText);
    const saved = this.getProfile(input.name);
    if (!saved) throw new Error(`profile ${input.name} was not saved`);
    return saved;
  }

  getProfile(name: string): ConnectionProfile | undefined {
    const row = this.db.prepare('select * from connection_profile where name = ?').get(name) as ProfileRow | undefined;
    return row && toProfile(row);
  }

  listProfiles(): ConnectionProfile[] {
    return (this.db.prepare('select * from connection_profile order by name').all() as ProfileRow[]).map(toProfile);
  }

  /** The location to connect to, with the decrypted password put back into a server URL. */
  resolveProfile(name: string): { engine: 'embedded' | 'server'; location: string } | undefined {
    const row = this.db.prepare('select * from connection_profile where name = ?').get(name) as ProfileRow | undefined;
    if (!row) return undefined;
    if (row.engine === 'embedded' || !row.password_cipher) return { engine: row.engine, location: row.location };
    const url = new URL(row.location);
    url.password = encodeURIComponent(this.cipher.decrypt(row.password_cipher));
    return { engine: row.engine, location: url.toString() };
  }

  deleteProfile(name: string): boolean {
    return this.db.prepare('delete from connection_profile where name = ?').run(name).changes > 0;
  }

  /** Records a run; the database label is stored with any password removed. Old entries are pruned. */
  addHistory(entry: NewHistoryEntry): number {
    const result = this.db
      .prepare(
        `insert into query_history (database, sql, params, query_slug, status, row_count, duration_ms, error, started_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        redactUrl(entry.database),
        entry.sql,
        JSON.stringify(entry.params),
        entry.querySlug ?? null,
        entry.status,
        entry.rowCount ?? null,
        entry.durationMs ?? null,
        entry.error ?? null,
        entry.startedAt,
      );
    this.db
      .prepare('delete from query_history where id <= (select id from query_history order by id desc limit 1 offset ?)')
      .run(this.historyLimit);
    return Number(result.lastInsertRowid);
  }

  listHistory(limit = 100): HistoryEntry[] {
    const rows = this.db.prepare('select * from query_history order by id desc limit ?').all(limit) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: Number(r.id),
      database: String(r.database),
      sql: String(r.sql),
      params: JSON.parse(String(r.params)) as unknown[],
      querySlug: (r.query_slug as string | null) ?? null,
      status: r.status as HistoryEntry['status'],
      rowCount: (r.row_count as number | null) ?? null,
      durationMs: (r.duration_ms as number | null) ?? null,
      error: (r.error as string | null) ?? null,
      startedAt: String(r.started_at),
    }));
  }

  setFavourite(slug: string, on: boolean): void {
    if (on) this.db.prepare('insert into favourite (query_slug) values (?) on conflict do nothing').run(slug);
    else this.db.prepare('delete from favourite where query_slug = ?').run(slug);
  }

  listFavourites(): string[] {
    return (this.db.prepare('select query_slug from favourite order by added_at, query_slug').all() as { query_slug: string }[]).map((r) => r.query_slug);
  }

  getSetting<T>(key: string, fallback: T): T {
    const row = this.db.prepare('select value from setting where key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : fallback;
  }

  setSetting(key: string, value: unknown): void {
    this.db.prepare('insert into setting (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(key, JSON.stringify(value));
  }

  close(): void {
    this.db.close();
  }
}

function toProfile(row: ProfileRow): ConnectionProfile {
  return { id: row.id, name: row.name, engine: row.engine, location: row.location, hasPassword: row.password_cipher !== null };
}
