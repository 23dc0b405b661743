import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/index.ts';
import {
  loadMigrationFiles,
  migrate,
  migrationStatus,
  migrationsDirectory,
  MigrationFailedError,
  MigrationHistoryError,
} from '../../electron/core/migrate/index.ts';
import { engines, freshDatabase } from '../support/engines.ts';
import type { Database, SqlRunner } from '../../electron/core/db/index.ts';

const files = loadMigrationFiles(migrationsDirectory);

/** Every row of a table in primary-key order, for before/after comparisons. */
async function snapshot(db: Database, table: string): Promise<unknown[][]> {
  return (await db.read(`select * from ${table} order by 1`)).rows;
}

async function tableNames(db: Database): Promise<string[]> {
  const r = await db.read(`select table_name::text from information_schema.tables where table_schema = 'public' order by 1`);
  return r.rows.map((row) => String(row[0]));
}

/**
 * Per migration N: migrate to N−1, insert fixture rows into what exists, migrate to N, and check that
 * the old rows are unchanged and what N adds works (Signal Desktop's migration tests).
 */
/** The fact tables whose link columns the pipelines write, and those columns (migration 0009). */
const factTables = ['job', 'booked_opportunity', 'lead_status', 'bad_lead', 'lost_lead'];
const linkColumns = ['branch_id', 'lead_source_id', 'sales_person_id', 'booked_opportunity_id', 'customer_id', 'lead_id'];

interface MigrationCase {
  id: number;
  seed: (tx: SqlRunner) => Promise<void>;
  /** Tables whose rows must be identical before and after migration N. */
  preserved: string[];
  creates: string[];
  check: (db: Database) => Promise<void>;
}

const cases: MigrationCase[] = [
  {
    id: 1,
    seed: async () => undefined,
    preserved: [],
    creates: ['branch', 'branch_alias', 'lead_source', 'lead_source_alias', 'sales_person', 'sales_person_alias'],
    check: async (db) => {
      const r = await db.read(`select similarity('Robert Smith', 'Robert Smyth') > 0.4, levenshtein('Smith', 'Smyth')`);
      expect(r.rows).toEqual([[true, 1]]);
      await db.write(async (tx) => {
        const b = await tx.query(`insert into branch (name, name_key, city, state) values ('Denver', 'denver', 'Denver', 'CO') returning branch_id`);
        await tx.query(`insert into branch_alias (raw_name, branch_id) values ('DENVER ', $1)`, [b.rows[0]?.[0]]);
      });
      await expect(db.write((tx) => tx.query(`insert into branch_alias (raw_name, branch_id) values ('x', 999)`))).rejects.toMatchObject({
        sqlstate: '23503',
      });
    },
  },
  {
    id: 2,
    seed: async (tx) => {
      await tx.query(`insert into branch (name, name_key) values ('Denver', 'denver')`);
      await tx.query(`insert into sales_person (full_name, name_key) values ('Robert Smith', 'robert smith')`);
    },
    preserved: ['branch', 'sales_person'],
    creates: ['import_batch', 'import_reject', 'pipeline_run', 'mapping_decision'],
    check: async (db) => {
      const sha = 'a'.repeat(64);
      await expect(
        db.write((tx) =>
          tx.query(`insert into import_batch (source_kind, file_name, content_sha256, file_bytes, status, row_count, imported_count, rejected_count)
                    values ('job', 'jobs.csv', $1, 10, 'completed', 5, 3, 1)`, [sha]),
        ),
      ).rejects.toMatchObject({ sqlstate: '23514' });
      await db.write((tx) =>
        tx.query(`insert into pipeline_run (step, mode, finished_at, started_at) values ('customers', 'plan', '2025-01-01 00:00:02+00', '2025-01-01 00:00:00+00')`),
      );
      expect((await db.read('select duration_ms from pipeline_run')).rows).toEqual([[2000]]);
    },
  },
  {
    id: 3,
    seed: async (tx) => {
      await tx.query(`insert into branch (name, name_key) values ('Austin', 'austin')`);
      await tx.query(`insert into import_batch (source_kind, file_name, content_sha256, file_bytes) values ('booked_opportunity', 'b.xlsx', $1, 1)`, ['b'.repeat(64)]);
    },
    preserved: ['branch', 'import_batch'],
    creates: ['customer', 'booked_opportunity'],
    check: async (db) => {
      await db.write(async (tx) => {
        const c = await tx.query(`insert into customer (full_name, email_norm) values ('Ann Lee', 'ann@x.com') returning customer_id`);
        await tx.query(
          `insert into booked_opportunity (quote_number, raw_quote_number, customer_id, branch_id, status, booked_at, import_batch_id)
           values ('1234', 'Q-001234', $1, 1, 'BOOKED', '2023-06-01', 1)`,
          [c.rows[0]?.[0]],
        );
      });
      await expect(db.write((tx) => tx.query(`insert into booked_opportunity (status) values ('MAYBE')`))).rejects.toMatchObject({ sqlstate: '23514' });
    },
  },
  {
    id: 4,
    seed: async (tx) => {
      await tx.query(`insert into customer (full_name) values ('Ann Lee')`);
      await tx.query(`insert into booked_opportunity (quote_number, customer_id, status) values ('77', 1, 'BOOKED')`);
    },
    preserved: ['customer', 'booked_opportunity'],
    creates: ['lead_status', 'bad_lead', 'lost_lead'],
    check: async (db) => {
      await db.write(async (tx) => {
        await tx.query(`insert into lead_status (quote_number, raw_quote_number, status, booked_opportunity_id, customer_id) values ('77', ' 77 ', 'BOOKED', 1, 1)`);
        await tx.query(`insert into bad_lead (lead_id, reason, link_method) values (1, 'Spam', 'quote_number')`);
        await tx.query(`insert into lost_lead (quote_number, booked_opportunity_id, reason) values ('77', 1, 'Price')`);
      });
      expect((await db.read('select count(*) from lead_status l join booked_opportunity o using (booked_opportunity_id)')).rows).toEqual([[1]]);
    },
  },
  {
    id: 5,
    seed: async (tx) => {
      await tx.query(`insert into customer (full_name) values ('Ann Lee')`);
      await tx.query(`insert into lead_status (quote_number, status, customer_id) values ('9', 'NEW', 1)`);
    },
    preserved: ['customer', 'lead_status'],
    creates: ['job'],
    check: async (db) => {
      await db.write((tx) => tx.query(`insert into job (job_number, job_date, status, customer_id, revenue) values ('J1', '2021-07-01', 'CLOSED', 1, 1500)`));
      // Only BOOKED and CLOSED jobs may point at a customer.
      await expect(
        db.write((tx) => tx.query(`insert into job (job_number, job_date, status, customer_id) values ('J2', '2021-07-02', 'CANCELLED', 1)`)),
      ).rejects.toMatchObject({ sqlstate: '23514' });
    },
  },
  {
    id: 6,
    seed: async (tx) => {
      await tx.query(`insert into job (job_number, job_date, status) values ('J9', '2020-01-05', 'PENDING')`);
      await tx.query(`insert into sales_person (full_name, name_key) values ('Robert Smith', 'robert smith')`);
    },
    preserved: ['job', 'sales_person'],
    creates: ['user_performance', 'sales_performance'],
    check: async (db) => {
      await db.write(async (tx) => {
        await tx.query(`insert into user_performance (raw_user_name, sales_person_id, period_start, period_end, calls_in) values ('Bob Smith', 1, '2024-01-01', '2024-01-07', 40)`);
        await tx.query(`insert into sales_performance (raw_sales_person, period_start, period_end, booked_revenue) values ('smith, robert', '2024-01-01', '2024-01-31', 12000)`);
      });
      await expect(
        db.write((tx) => tx.query(`insert into user_performance (raw_user_name, period_start, period_end) values ('x', '2024-02-01', '2024-01-01')`)),
      ).rejects.toMatchObject({ sqlstate: '23514' });
    },
  },
  {
    id: 7,
    seed: async (tx) => {
      await tx.query(`insert into mapping_decision (entity_kind, decision, member_names, before_state, after_state)
                      values ('branch', 'merge', '{Denver,DENVER}', '{}', '{}')`);
    },
    preserved: ['mapping_decision'],
    creates: ['merge_candidate'],
    check: async (db) => {
      const insert = (key: string) =>
        db.write((tx) =>
          tx.query(`insert into merge_candidate (entity_kind, cluster_key, canonical_name, members, score) values ('sales_person', $1, 'Robert Allen', '[]', 0.91)`, [key]),
        );
      await insert('robert allen|bob allen');
      // The same cluster twice is refused: a second pipeline run must find the first.
      await expect(insert('robert allen|bob allen')).rejects.toMatchObject({ sqlstate: '23505' });
      await expect(
        db.write((tx) => tx.query(`insert into merge_candidate (entity_kind, cluster_key, canonical_name, members, score) values ('branch', 'x', 'X', '[]', 1.5)`)),
      ).rejects.toMatchObject({ sqlstate: '23514' });
    },
  },
  {
    id: 8,
    seed: async (tx) => {
      await tx.query(`insert into branch (name, name_key) values ('Denver', 'denver'), ('Atlanta', 'atlanta')`);
      await tx.query(`insert into sales_person (full_name, name_key, home_branch_id) values ('John Smith', 'john smith', 1), ('John R. Smith', 'john r smith', 2)`);
      await tx.query(`insert into sales_person_alias (raw_name, sales_person_id) values ('John Smith', 1), ('John R. Smith', 2)`);
    },
    preserved: ['branch', 'sales_person'],
    creates: [],
    check: async (db) => {
      // Existing aliases become unqualified ones.
      expect((await db.read(`select raw_name, sales_person_id, branch_id from sales_person_alias order by 1`)).rows).toEqual([
        ['John R. Smith', 2, null],
        ['John Smith', 1, null],
      ]);
      // The same spelling may now mean another person in another branch, once per branch.
      await db.write((tx) => tx.query(`insert into sales_person_alias (raw_name, branch_id, sales_person_id) values ('John Smith', 2, 2)`));
      await expect(db.write((tx) => tx.query(`insert into sales_person_alias (raw_name, branch_id, sales_person_id) values ('John Smith', 2, 1)`))).rejects.toMatchObject({
        sqlstate: '23505',
      });
      await expect(db.write((tx) => tx.query(`insert into sales_person_alias (raw_name, sales_person_id) values ('John Smith', 2)`))).rejects.toMatchObject({ sqlstate: '23505' });
      await expect(db.write((tx) => tx.query(`insert into sales_person_alias (raw_name, branch_id, sales_person_id) values ('x', 99, 1)`))).rejects.toMatchObject({ sqlstate: '23503' });
    },
  },
  {
    id: 9,
    seed: async (tx) => {
      await tx.query(`insert into branch (name, name_key) values ('Denver', 'denver')`);
      await tx.query(`insert into job (job_id, job_number, job_date, status, raw_branch) overriding system value values (1, 'J-1', '2024-05-01', 'CLOSED', 'Denver')`);
    },
    preserved: ['branch', 'job'],
    creates: [],
    check: async (db) => {
      // No index of a fact table holds a column the pipelines write…
      const linkIndexes = await db.read(`
        select i.indexrelid::regclass::text from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
         where not i.indisprimary and i.indrelid::regclass::text in (${factTables.map((t) => `'${t}'`).join(', ')})
           and a.attname in (${linkColumns.map((c) => `'${c}'`).join(', ')})`);
      expect(linkIndexes.rows).toEqual([]);
      const fill = await db.read(`select relname::text, reloptions::text[] from pg_class where relname in (${factTables.map((t) => `'${t}'`).join(', ')}) order by 1`);
      for (const [, options] of fill.rows) expect(options).toContain('fillfactor=50');
      // …so linking a row is a HOT update: the row is rewritten on its page and no index is touched.
      const hot = await db.write(async (tx) => {
        await tx.query(`update job set branch_id = 1, updated_at = now() where job_id = 1`);
        return tx.query(`select n_tup_upd, n_tup_hot_upd from pg_stat_xact_user_tables where relname = 'job'`);
      });
      expect(hot.rows).toEqual([[1, 1]]);
    },
  },
  {
    id: 10,
    seed: async (tx) => {
      await tx.query(`insert into job (job_id, job_number, job_date, status, raw_branch) overriding system value values (2, 'J-2', '2024-05-02', 'CLOSED', 'Denver')`);
    },
    preserved: ['job'],
    creates: [],
    check: async (db) => {
      // No foreign key on a link column of a fact table; the import batch keys stay.
      const keys = await db.read(`
        select c.conrelid::regclass::text, a.attname::text from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
         where c.contype = 'f' and c.conrelid::regclass::text in (${factTables.map((t) => `'${t}'`).join(', ')}) order by 1`);
      expect(keys.rows).toEqual(factTables.map((t) => [t, 'import_batch_id']).sort());
      // So the database no longer refuses a dangling link: the pipeline runner's check does (pipeline.test.ts).
      await db.write((tx) => tx.query(`update job set customer_id = 424242 where job_id = 2`));
    },
  },
  {
    id: 11,
    seed: async (tx) => {
      await tx.query(
        `insert into lead_status (lead_id, status, quote_number, email, first_name, last_name, phone, received_at) overriding system value
         values (1, 'NEW', '1001', 'ana@example.com', 'Ana', 'Lee', '3035550100', '2024-05-01'), (2, 'NEW', '1002', 'ana@example.com', 'Anna', 'Lee', '3035550100', '2024-05-02')`,
      );
    },
    preserved: ['lead_status'],
    creates: [],
    check: async (db) => {
      const indexes = await db.read(`select indexname::text from pg_indexes where tablename = 'lead_status' and indexname in
        ('lead_status_email_name_idx', 'lead_status_phone_email_idx', 'lead_status_quote_received_idx', 'lead_status_phone_idx', 'lead_status_quote_number_idx') order by 1`);
      expect(indexes.rows.flat()).toEqual(['lead_status_email_name_idx', 'lead_status_phone_email_idx', 'lead_status_quote_received_idx']);
      // Each covers what its query reads: with the table vacuumed, the plan reads the index alone.
      await db.session((s) => s.exec('vacuum analyze lead_status'));
      const plans = await db.write(async (tx) => {
        await tx.query('set local enable_seqscan = off');
        await tx.query('set local enable_bitmapscan = off');
        const explain = async (sql: string) => (await tx.query(`explain (costs off) ${sql}`)).rows.map((r) => String(r[0])).join('\n');
        return [
          await explain(`select email, min(first_name), max(last_name), min(received_at), max(raw_customer_name) from lead_status where email is not null group by email`),
          await explain(`select phone, min(email), max(received_at) from lead_status where phone is not null group by phone`),
          await explain(`select quote_number, min(received_at) from lead_status where quote_number is not null group by quote_number`),
        ];
      });
      expect(plans[0]).toContain('Index Only Scan using lead_status_email_name_idx');
      expect(plans[1]).toContain('Index Only Scan using lead_status_phone_email_idx');
      expect(plans[2]).toContain('Index Only Scan using lead_status_quote_received_idx');
    },
  },
  {
    id: 12,
    seed: async (tx) => {
      await tx.query(`insert into pipeline_run (step, mode, status, error) values ('customers', 'run', 'failed', 'boom'), ('branches', 'run', 'completed', null)`);
    },
    preserved: ['pipeline_run'],
    creates: [],
    check: async (db) => {
      // A cancelled step has its own status; anything else is still refused.
      await db.write((tx) => tx.query(`insert into pipeline_run (step, mode, status, error) values ('customers', 'run', 'cancelled', 'cancelled by the user')`));
      await expect(db.write((tx) => tx.query(`insert into pipeline_run (step, mode, status) values ('customers', 'run', 'aborted')`))).rejects.toThrow(/pipeline_run_status_check/);
      expect((await db.read(`select status from pipeline_run order by pipeline_run_id`)).rows.flat()).toEqual(['failed', 'completed', 'cancelled']);
    },
  },
];

describe.each(engines)('migrations on the $name engine', (engine) => {
  const disposers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (disposers.length) await disposers.pop()?.();
  });
  async function fresh() {
    const handle = await freshDatabase(engine);
    disposers.push(handle.dispose);
    return handle;
  }

  it('has a test case for every migration file', () => {
    expect(cases.map((c) => c.id)).toEqual(files.map((f) => f.id));
  });

  it.each(cases)('migration $id keeps earlier rows and adds what it promises', async (c) => {
    const { db } = await fresh();
    await migrate(db, files, { to: c.id - 1 });
    const tablesBefore = await tableNames(db);
    await db.write(c.seed);
    const before = await Promise.all(c.preserved.map((t) => snapshot(db, t)));
    const result = await migrate(db, files, { to: c.id });
    expect(result.applied.map((a) => a.id)).toEqual([c.id]);
    const after = await Promise.all(c.preserved.map((t) => snapshot(db, t)));
    expect(after).toEqual(before);
    const added = (await tableNames(db)).filter((t) => !tablesBefore.includes(t) && t !== 'workbench_migration');
    expect(added.sort()).toEqual([...c.creates].sort());
    await c.check(db);
  });

  it('applies every migration once, records checksums, and indexes every foreign key', async () => {
    const { db } = await fresh();
    const first = await migrate(db, files);
    expect(first.applied).toHaveLength(files.length);
    const second = await migrate(db, files);
    expect(second.applied).toHaveLength(0);
    const status = await migrationStatus(db, files);
    expect(status.applied.map((a) => [a.name, a.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(status.pending).toEqual([]);
    // A foreign key column without an index that starts with it makes joins and deletes scan.
    const unindexed = await db.read(`
      select c.conrelid::regclass::text, a.attname::text
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       where c.contype = 'f'
         and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
       order by 1, 2`);
    // The link columns the pipelines write carry neither index (0009) nor foreign key (0010).
    expect(unindexed.rows).toEqual([]);
  });

  it('refuses to run when an applied migration was edited, renamed or removed', async () => {
    const { db } = await fresh();
    await migrate(db, files);
    const edited = files.map((f) => (f.id === 2 ? { ...f, sql: `${f.sql}\n-- edited`, checksum: 'f'.repeat(64) } : f));
    await expect(migrate(db, edited)).rejects.toThrow(/0002_bookkeeping\.sql was edited after it was applied/);
    await expect(migrationStatus(db, edited)).rejects.toBeInstanceOf(MigrationHistoryError);
    const renamed = files.map((f) => (f.id === 3 ? { ...f, name: '0003_renamed.sql' } : f));
    await expect(migrate(db, renamed)).rejects.toThrow(/was applied as 0003_customers_and_opportunities\.sql but the file is now 0003_renamed\.sql/);
    await expect(migrate(db, files.slice(0, 4))).rejects.toThrow(/0005_jobs\.sql is applied to this database but missing/);
  });

  it('rolls back a failing migration completely and records nothing', async () => {
    const { db } = await fresh();
    const broken = [...files, { id: files.length + 1, name: '0099_broken.sql', checksum: 'x', sql: 'create table half_done (id int); select 1/0;' }];
    await expect(migrate(db, broken)).rejects.toBeInstanceOf(MigrationFailedError);
    expect(await tableNames(db)).not.toContain('half_done');
    const status = await migrationStatus(db, files);
    expect(status.applied).toHaveLength(files.length);
  });

  if (engine.name === 'server') {
    it('lets two concurrent migrate runs leave one clean history', async () => {
      const { target } = await fresh();
      const a = await openDatabase(target);
      const b = await openDatabase(target);
      try {
        const [ra, rb] = await Promise.all([migrate(a, files), migrate(b, files)]);
        expect(ra.applied.length + rb.applied.length).toBe(files.length);
        expect([ra.applied.length, rb.applied.length]).toContain(0);
        const history = await a.read('select id from workbench_migration order by id');
        expect(history.rows.map((r) => r[0])).toEqual(files.map((f) => f.id));
      } finally {
        await a.close();
        await b.close();
      }
    });
  }
});

describe('migration files', () => {
  it('rejects a folder with a gap in the numbering or a stray name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-mig-'));
    try {
      cpSync(migrationsDirectory, dir, { recursive: true });
      renameSync(join(dir, '0003_customers_and_opportunities.sql'), join(dir, '0007_customers_and_opportunities.sql'));
      expect(() => loadMigrationFiles(dir)).toThrow(/expected migration number 0003/);
      writeFileSync(join(dir, 'Add-Stuff.sql'), 'select 1');
      expect(() => loadMigrationFiles(dir)).toThrow(/Add-Stuff\.sql: migration files are named NNNN_lowercase_name\.sql/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives a CRLF checkout the same checksum as the LF original', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-mig-'));
    try {
      const name = files[0]?.name ?? '';
      writeFileSync(join(dir, name), readFileSync(join(migrationsDirectory, name), 'utf8').replace(/\n/g, '\r\n'));
      expect(loadMigrationFiles(dir)[0]?.checksum).toBe(files[0]?.checksum);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
