import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbError } from '../../electron/core/db/index.ts';
import { engines, freshDatabase } from '../support/engines.ts';
import type { Database } from '../../electron/core/db/index.ts';

describe.each(engines)('database layer on the $name engine', (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(engine));
    await db.write(async (tx) => {
      await tx.exec('create table item (id int primary key, label text, price numeric(30,2), day date, at timestamptz, tags text[], meta jsonb)');
      await tx.query(
        `insert into item values (1, 'one', 9.50, '2024-02-29', '2024-02-29 10:00:00+00', '{a,"b c"}', '{"k":1}'),
                                 (2, null, 123456789012345678.25, '2019-01-01', null, '{}', null)`,
      );
    });
  });
  afterAll(async () => dispose());

  it('binds parameters and normalizes values the same way on both engines', async () => {
    const r = await db.read('select id, label, price, day, tags, meta, $1::int8 as big, $2::text as t from item where id = any($3::int[]) order by id', [
      9007199254740993n.toString(),
      "o'neil; drop table item",
      [1, 2],
    ]);
    expect(r.fields.map((f) => [f.name, f.type])).toEqual([
      ['id', 'int4'],
      ['label', 'text'],
      ['price', 'numeric'],
      ['day', 'date'],
      ['tags', 'text[]'],
      ['meta', 'jsonb'],
      ['big', 'int8'],
      ['t', 'text'],
    ]);
    expect(r.rows).toEqual([
      [1, 'one', 9.5, '2024-02-29', ['a', 'b c'], { k: 1 }, '9007199254740993', "o'neil; drop table item"],
      [2, null, '123456789012345678.25', '2019-01-01', [], null, '9007199254740993', "o'neil; drop table item"],
    ]);
    expect(r.rowCount).toBe(2);
    expect(r.command).toBe('SELECT');
  });

  it('refuses writes on the read path: plain, in a CTE, stacked, and by keyword', async () => {
    await expect(db.read('select 1; delete from item')).rejects.toMatchObject({ sqlstate: '42601' });
    await expect(db.read('with d as (delete from item returning *) select * from d')).rejects.toBeInstanceOf(DbError);
    await expect(db.read('delete from item')).rejects.toMatchObject({ sqlstate: 'WB001' });
    await expect(db.read('select nextval(\'x\')')).rejects.toBeInstanceOf(DbError);
    // A function call that writes, hidden in a SELECT, meets the READ ONLY transaction.
    await db.write((tx) => tx.exec("create function wipe() returns int language sql as 'delete from item where id = 2 returning 1'"));
    await expect(db.read('select wipe()')).rejects.toMatchObject({ sqlstate: '25006' });
    const count = await db.read('select count(*) from item');
    expect(count.rows).toEqual([[2]]);
  });

  it('does not let a read change the session for later work', async () => {
    const before = await db.read('select current_setting($1)', ['search_path']);
    const changed = await db.read("select set_config('search_path', 'pg_catalog', false)");
    expect(changed.rows[0]?.[0]).toBe('pg_catalog');
    const after = await db.read('select current_setting($1)', ['search_path']);
    expect(after.rows[0]?.[0]).toBe(before.rows[0]?.[0]);
  });

  it('reports SQLSTATE and the position in the caller\'s text, through the cursor wrapper', async () => {
    const error = await db.read('select id,\n  nosuch from item').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbError);
    expect(error).toMatchObject({ sqlstate: '42703', position: 14 });
  });

  it('streams a large result in pages of the requested size', async () => {
    const sizes: number[] = [];
    const offsets: number[] = [];
    let last = 0;
    for await (const page of db.stream('select g from generate_series(1, 2500) g', [], { pageSize: 1000 })) {
      sizes.push(page.rows.length);
      offsets.push(page.offset);
      last = Number(page.rows.at(-1)?.[0] ?? last);
    }
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(offsets).toEqual([0, 1000, 2000]);
    expect(last).toBe(2500);
  });

  it('releases the connection when the consumer stops early', async () => {
    for await (const page of db.stream('select g from generate_series(1, 100000) g', [], { pageSize: 10 })) {
      expect(page.rows).toHaveLength(10);
      break;
    }
    // On the embedded engine a leaked lease would hang here; on the server, an open transaction would show.
    const r = await db.read('select count(*) from pg_stat_activity where state = $1 and pid <> pg_backend_pid()', ['idle in transaction']);
    expect(r.rows[0]?.[0]).toBe(0);
  });

  it('stops a stream at a page boundary when cancelled', async () => {
    const controller = new AbortController();
    let pages = 0;
    const run = async () => {
      for await (const _page of db.stream('select g from generate_series(1, 1000000) g', [], { pageSize: 100, signal: controller.signal })) {
        pages += 1;
        if (pages === 3) controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ sqlstate: '57014', message: 'canceling statement due to user request' });
    expect(pages).toBe(3);
    const after = await db.read('select 1');
    expect(after.rows).toEqual([[1]]);
  });

  it('rolls back a write transaction that fails', async () => {
    await expect(
      db.write(async (tx) => {
        await tx.query("insert into item (id, label) values (3, 'three')");
        await tx.query('insert into item (id) values (1)');
      }),
    ).rejects.toMatchObject({ sqlstate: '23505' });
    const r = await db.read('select count(*) from item where id = 3');
    expect(r.rows).toEqual([[0]]);
  });

  it('bulk-loads rows with COPY, keeping NULL apart from empty text and any character intact', async () => {
    await db.write((tx) => tx.exec('create table staging_test (n int, label text)'));
    const tricky = ['plain', '', 'comma, "quoted"', 'line\nbreak', 'tab\tand \\N', 'Zoë – 東京'];
    const rows = [...tricky.map((label, i) => [String(i), label] as const), ['99', null] as const];
    const loaded = await db.write((tx) => tx.copyRows('staging_test', ['n', 'label'], rows));
    expect(loaded).toBe(rows.length);
    const back = await db.read('select label from staging_test order by n');
    expect(back.rows.map((r) => r[0])).toEqual([...tricky, null]);
    const many = (function* () {
      for (let i = 0; i < 50_000; i += 1) yield [String(i), `row ${i}`] as const;
    })();
    expect(await db.write((tx) => tx.copyRows('staging_test', ['n', 'label'], many))).toBe(50_000);
    await expect(db.write((tx) => tx.copyRows('staging_test; drop table item', ['n'], []))).rejects.toThrow(/not an allowed SQL identifier/);
  });

  it('runs EXPLAIN and SHOW without a cursor', async () => {
    const plan = await db.read('explain select * from item');
    expect(String(plan.rows[0]?.[0])).toContain('Seq Scan');
    const show = await db.read('show server_version_num');
    expect(Number(show.rows[0]?.[0])).toBeGreaterThanOrEqual(140000);
  });

  if (engine.name === 'server') {
    it('cancels a running statement from a second connection', async () => {
      const controller = new AbortController();
      const started = performance.now();
      setTimeout(() => controller.abort(), 300);
      const error = await db.read('select pg_sleep(30)', [], { signal: controller.signal }).catch((e: unknown) => e);
      expect(error).toMatchObject({ sqlstate: '57014', message: 'canceling statement due to user request' });
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(5000);
    });

    it('enforces the statement timeout', async () => {
      await expect(db.read('select pg_sleep(5)', [], { timeoutMs: 200 })).rejects.toMatchObject({
        sqlstate: '57014',
        message: 'canceling statement due to statement timeout',
      });
    });
  }
});
