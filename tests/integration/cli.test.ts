import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/index.ts';
import { projectMigrations } from '../../electron/core/migrate/index.ts';
import { runWorkbench } from '../support/cli.ts';
import { engines } from '../support/engines.ts';
import type { DatabaseTarget } from '../../electron/core/db/index.ts';

const migrationCount = projectMigrations().length;

function dbArg(target: DatabaseTarget): string {
  return target.kind === 'server' ? target.url : target.directory;
}

describe('workbench CLI', () => {
  it('prints help for the program and each command', async () => {
    const top = await runWorkbench(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/migrate/);
    expect(top.stdout).toMatch(/sql/);
    const sub = await runWorkbench(['migrate', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/--status/);
    expect(sub.stdout).toMatch(/--db <target>/);
  });

  it('rejects an unknown command and a bad --db with one line and a usage exit code', async () => {
    const unknown = await runWorkbench(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const bad = await runWorkbench(['migrate', '--db', 'mysql://root:pw@localhost/x']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'workbench: --db: unsupported scheme in mysql://root:*****@localhost/x; use postgres://… for a server or a folder path for the embedded engine',
    );
  });
});

describe.each(engines)('workbench CLI on the $name engine', (engine) => {
  let target: DatabaseTarget;
  let cleanup: () => Promise<void> = async () => undefined;
  afterAll(async () => cleanup());

  it('migrates twice concurrently, leaving one clean history, and reports status', async () => {
    ({ target, cleanup } = await engine.create());
    const [a, b] = await Promise.all([runWorkbench(['migrate', '--db', dbArg(target)]), runWorkbench(['migrate', '--db', dbArg(target)])]);
    expect([a.code, b.code, a.stderr + b.stderr]).toEqual([0, 0, '']);
    const applied = (a.stdout + b.stdout).match(/^applied \d{4}_/gm) ?? [];
    expect(applied).toHaveLength(migrationCount);
    const status = await runWorkbench(['migrate', '--status', '--json', '--db', dbArg(target)]);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as { applied: { id: number }[]; pending: unknown[] };
    expect(parsed.applied.map((m) => m.id)).toEqual([...Array(migrationCount).keys()].map((i) => i + 1));
    expect(parsed.pending).toEqual([]);
    const human = await runWorkbench(['migrate', '--status', '--db', dbArg(target)]);
    expect(human.stdout).toContain('0001_extensions_and_lookups.sql');
    expect(human.stdout).toContain(`${migrationCount} applied, 0 pending`);
  });

  it('runs a read-only statement with bound parameters and prints JSON', async () => {
    const r = await runWorkbench(['sql', 'select name, id from workbench_migration where id <= $1 order by id', '-p', '2', '--json', '--db', dbArg(target)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as { fields: { name: string }[]; rows: unknown[][]; rowCount: number };
    expect(parsed.fields.map((f) => f.name)).toEqual(['name', 'id']);
    expect(parsed.rows).toEqual([
      ['0001_extensions_and_lookups.sql', 1],
      ['0002_bookkeeping.sql', 2],
    ]);
    expect(parsed.rowCount).toBe(2);
  });

  it('shows SQL errors in one line with SQLSTATE and a caret, without a stack trace', async () => {
    const r = await runWorkbench(['sql', 'select id,\n  nme from workbench_migration', '--db', dbArg(target)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('workbench: column "nme" does not exist [SQLSTATE 42703]');
    expect(r.stderr).toContain('line 2:   nme from workbench_migration\n            ^');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const write = await runWorkbench(['sql', 'drop table job', '--db', dbArg(target)]);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/only SELECT, WITH, VALUES, TABLE, EXPLAIN and SHOW run here/);
  });

  it('refuses to migrate when an applied migration no longer matches its file', async () => {
    const db = await openDatabase(target);
    try {
      await db.write((tx) => tx.query(`update workbench_migration set checksum = repeat('0', 64) where id = 2`));
    } finally {
      await db.close();
    }
    const r = await runWorkbench(['migrate', '--db', dbArg(target)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^workbench: migration 0002_bookkeeping\.sql was edited after it was applied/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
