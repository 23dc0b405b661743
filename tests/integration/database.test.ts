import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbError, openDatabase } from '../../electron/core/db/index.ts';
import { engines, freshDatabase } from '../support/engines.ts';
import type { Database, DatabaseTarget } from '../../electron/core/db/index.ts';

describe.each(engines)('database layer on the $name engine', (engine) => {
  let db: Database;
  let target: DatabaseTarget;
  let dispose: () => Promise<void>;
  const serverTargetUrl = () => (target.kind === 'server' ? target.url : '');

  beforeAll(async () => {
    ({ db, target, dispose } = await freshDatabase(engine));
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

  it('cancels within a moment while a page of slow rows is being read, not after the page', async () => {
    // A page of 1,000 rows at 10 ms each would take 10 s; the embedded engine fetches it in slices
    // of about 50 ms and checks for a cancel between them, the server cancels the statement itself.
    const controller = new AbortController();
    let pages = 0;
    const started = performance.now();
    setTimeout(() => controller.abort(), 300);
    const run = async () => {
      for await (const _page of db.stream('select g, pg_sleep(0.01) from generate_series(1, 5000) g', [], { pageSize: 1000, signal: controller.signal })) {
        pages += 1;
      }
    };
    await expect(run()).rejects.toMatchObject({ sqlstate: '57014', message: 'canceling statement due to user request' });
    expect(pages).toBe(0);
    expect(performance.now() - started).toBeLessThan(3000);
    expect((await db.read('select 1')).rows).toEqual([[1]]);
  });

  it('hands out the first page while the rest of the result is still being computed', async () => {
    // Rows after the first page sleep 30 ms each: 3 s that must come after the first page, not before.
    // (Wide rows: the server sends rows in 8 kB packets, not one by one.)
    const sql = "select g, repeat('x', 500) as filler, case when g > 100 then pg_sleep(0.03) end as pause from generate_series(1, 200) g";
    const started = performance.now();
    let firstAt = 0;
    let rows = 0;
    for await (const page of db.stream(sql, [], { pageSize: 100 })) {
      if (rows === 0) firstAt = performance.now() - started;
      rows += page.rows.length;
    }
    const endedAt = performance.now() - started;
    expect(rows).toBe(200);
    expect(endedAt - firstAt).toBeGreaterThanOrEqual(2500);
  });

  it('gives every page the columns of the result', async () => {
    const fields: string[] = [];
    for await (const page of db.stream('select g as n, g::text as label from generate_series(1, 5) g', [], { pageSize: 2 })) {
      fields.push(page.fields.map((f) => `${f.name}:${f.type}`).join(','));
    }
    expect(fields).toEqual(['n:int4,label:text', 'n:int4,label:text', 'n:int4,label:text']);
  });

  it('refuses a read that tries to leave the read-only transaction', async () => {
    await expect(db.read("select set_config('transaction_read_only', 'off', true)")).rejects.toMatchObject({ sqlstate: '25001' });
    await expect(db.read('select 1 from item for update')).rejects.toMatchObject({ sqlstate: '25006' });
  });

  it('undoes session changes of a read its consumer stopped early', async () => {
    const before = await db.read('select current_setting($1)', ['search_path']);
    for await (const _page of db.stream("select set_config('search_path', 'pg_catalog', false), g from generate_series(1, 100) g", [], { pageSize: 10 })) break;
    const after = await db.read('select current_setting($1)', ['search_path']);
    expect(after.rows[0]?.[0]).toBe(before.rows[0]?.[0]);
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

    it('cancels a read mid-stream, while a later page is being computed', async () => {
      const controller = new AbortController();
      let pages = 0;
      let firstAt = 0;
      const started = performance.now();
      const sql = "select g, repeat('x', 4000) as filler, case when g > 10 then pg_sleep(0.2) end as pause from generate_series(1, 1000) g";
      const run = async () => {
        for await (const _page of db.stream(sql, [], { pageSize: 10, signal: controller.signal })) {
          pages += 1;
          if (pages === 1) {
            firstAt = performance.now() - started;
            setTimeout(() => controller.abort(), 300);
          }
        }
      };
      await expect(run()).rejects.toMatchObject({ sqlstate: '57014', message: 'canceling statement due to user request' });
      expect(pages).toBe(1);
      // The rest would take over three minutes; the cancel stops it inside.
      expect(performance.now() - started - firstAt).toBeLessThan(5000);
      const r = await db.read('select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state <> $1', ['idle']);
      expect(r.rows[0]?.[0]).toBe(0);
    });

    it('holds the server back while the consumer is behind, instead of buffering the result', async () => {
      const sql = "select pg_backend_pid() as pid, g, repeat('x', 200) as filler from generate_series(1, 2000000) g";
      let pages = 0;
      for await (const page of db.stream(sql, [], { pageSize: 1000 })) {
        pages += 1;
        if (pages === 1) {
          // A slow consumer: the socket is paused, so the server waits to write (ClientWrite).
          await new Promise((resolve) => setTimeout(resolve, 1000));
          const pid = Number(page.rows[0]?.[0]);
          const r = await db.read('select wait_event from pg_stat_activity where pid = $1', [pid]);
          expect(r.rows).toEqual([['ClientWrite']]);
          break;
        }
      }
    });

    it('fails a read whose backend is terminated mid-stream, and the next read gets a fresh connection', async () => {
      const sql = "select pg_backend_pid() as pid, g, repeat('x', 200) as filler from generate_series(1, 2000000) g";
      const run = async () => {
        for await (const page of db.stream(sql, [], { pageSize: 1000 })) {
          const pid = Number(page.rows[0]?.[0]);
          await db.read('select pg_terminate_backend($1)', [pid]);
        }
      };
      await expect(run()).rejects.toBeInstanceOf(DbError);
      const after = await db.read('select 1');
      expect(after.rows).toEqual([[1]]);
    });

    it('stops the statement when the consumer stops early, and the connection serves the next read', async () => {
      const sql = "select g, repeat('x', 100) from generate_series(1, 5000000) g";
      const started = performance.now();
      for await (const _page of db.stream(sql, [], { pageSize: 100 })) break;
      // Reading five million rows to the end would take far longer than a cancel.
      expect(performance.now() - started).toBeLessThan(5000);
      const r = await db.read('select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state <> $1', ['idle']);
      expect(r.rows[0]?.[0]).toBe(0);
    });

    it('bounds the whole statement with the timeout, rows sent included, as psql does', async () => {
      // One statement of three pages of about 1 s each, under a 2.5 s timeout.
      const pages: number[] = [];
      const run = async () => {
        for await (const page of db.stream('select g, pg_sleep(0.1) from generate_series(1, 30) g', [], { pageSize: 10, timeoutMs: 2500 })) pages.push(page.rows.length);
      };
      await expect(run()).rejects.toMatchObject({ sqlstate: '57014', message: 'canceling statement due to statement timeout' });
      const after = await db.read('select 1');
      expect(after.rows).toEqual([[1]]);
    });

    it('applies its own statement timeout when the server has a default one', async () => {
      // The timeout is set in the same round trip as the statement; the server restarts its timer
      // after every Execute, so the statement runs under the read's timeout, not the session default.
      const url = new URL(serverTargetUrl());
      url.searchParams.set('options', '-c statement_timeout=300');
      const other = await openDatabase({ kind: 'server', url: url.toString() });
      try {
        const slept = await other.read('select pg_sleep(1) is null as slept', [], { timeoutMs: 5000 });
        expect(slept.rows).toEqual([[false]]);
        await expect(other.read('select pg_sleep(1)', [], { timeoutMs: 200 })).rejects.toMatchObject({ sqlstate: '57014' });
      } finally {
        await other.close();
      }
    });

    it('enforces the statement timeout', async () => {
      await expect(db.read('select pg_sleep(5)', [], { timeoutMs: 200 })).rejects.toMatchObject({
        sqlstate: '57014',
        message: 'canceling statement due to statement timeout',
      });
    });
  }
});
