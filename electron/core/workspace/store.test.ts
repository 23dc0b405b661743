import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from './store.ts';
import { SecretStorageUnavailableError } from './secrets.ts';
import type { SecretCipher } from './secrets.ts';

/**
 * Electron's safeStorage cannot run in plain Node; this AES-GCM cipher stands in for it with the same
 * contract (opaque bytes out, plain text back), so the store's handling of secrets is what is tested.
 */
function testCipher(): SecretCipher {
  const key = randomBytes(32);
  return {
    isAvailable: () => true,
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('workspace store', () => {
  const dirs: string[] = [];
  afterEach(() => {
    while (dirs.length) rmSync(dirs.pop() ?? '', { recursive: true, force: true });
  });
  function tempFile(): string {
    const dir = mkdtempSync(join(tmpdir(), 'wb-ws-'));
    dirs.push(dir);
    return join(dir, 'workspace.sqlite');
  }

  it('uses WAL mode and its own migrations, and reopens at the same version', () => {
    const file = tempFile();
    const store = new WorkspaceStore({ file });
    expect(store.version).toBe(1);
    store.setSetting('theme', 'dark');
    store.close();
    const again = new WorkspaceStore({ file });
    expect(again.version).toBe(1);
    expect(again.getSetting('theme', 'light')).toBe('dark');
    again.close();
    // WAL is a property of the file itself: a plain connection sees it.
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('never writes a password in plain text: it is split from the URL and encrypted', () => {
    const file = tempFile();
    const secret = 'S3cret-Passw0rd!';
    const store = new WorkspaceStore({ file, cipher: testCipher() });
    const profile = store.saveProfile({ name: 'prod', engine: 'server', location: `postgres://buyer:${secret}@db.example:5432/data_analytics` });
    expect(profile).toMatchObject({ name: 'prod', location: 'postgres://buyer@db.example:5432/data_analytics', hasPassword: true });
    expect(store.resolveProfile('prod')?.location).toBe(`postgres://buyer:${secret}@db.example:5432/data_analytics`);
    store.close();
    for (const f of readdirSync(join(file, '..'))) {
      expect(readFileSync(join(file, '..', f)).includes(Buffer.from(secret))).toBe(false);
    }
  });

  it('refuses to store a password when no secret storage is available', () => {
    const store = new WorkspaceStore({ file: tempFile() });
    expect(() => store.saveProfile({ name: 'p', engine: 'server', location: 'postgres://u:pw@h/db' })).toThrow(SecretStorageUnavailableError);
    expect(store.listProfiles()).toEqual([]);
    const saved = store.saveProfile({ name: 'p', engine: 'server', location: 'postgres://u@h/db' });
    expect(saved.hasPassword).toBe(false);
    store.close();
  });

  it('keeps query history newest first, redacted, and pruned to its limit', () => {
    const store = new WorkspaceStore({ file: tempFile(), historyLimit: 3 });
    for (let i = 1; i <= 5; i += 1) {
      store.addHistory({ database: 'postgres://u:pw@h/db', sql: `select ${i}`, params: [i], status: 'ok', rowCount: 1, startedAt: `2026-01-0${i}T00:00:00Z` });
    }
    const history = store.listHistory();
    expect(history.map((h) => h.sql)).toEqual(['select 5', 'select 4', 'select 3']);
    expect(history[0]).toMatchObject({ database: 'postgres://u:*****@h/db', params: [5], status: 'ok' });
    store.close();
  });

  it('keeps favourites as a set', () => {
    const store = new WorkspaceStore({ file: tempFile() });
    store.setFavourite('revenue-by-branch', true);
    store.setFavourite('revenue-by-branch', true);
    store.setFavourite('lead-funnel', true);
    store.setFavourite('lead-funnel', false);
    expect(store.listFavourites()).toEqual(['revenue-by-branch']);
    store.close();
  });
});
