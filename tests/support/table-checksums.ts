import type { ReadableDatabase } from '../../electron/core/db/index.ts';

/**
 * Per table of schema public (model and bookkeeping tables; not the migration history): its row
 * count and an md5 over its rows in text form, sorted, so any inserted, updated or deleted row shows.
 * Identity sequences are left out on purpose: PostgreSQL advances them even in a rolled-back
 * transaction, so they say nothing about whether a failed import left data behind.
 *
 * @example await tableChecksums(db) // { branch: '0:d41d8cd98f00b204e9800998ecf8427e', job: '3:5f1c…', … }
 */
export async function tableChecksums(db: ReadableDatabase): Promise<Record<string, string>> {
  const tables = await db.read(
    `select table_name::text from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'workbench_migration'
      order by 1`,
  );
  const sums: Record<string, string> = {};
  for (const [name] of tables.rows) {
    const table = String(name);
    // The name comes from the catalogue; the pattern keeps the quoted identifier plain all the same.
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`unexpected table name ${JSON.stringify(table)}`);
    const r = await db.read(`select count(*), md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from public."${table}" t`);
    sums[table] = `${Number(r.rows[0]?.[0])}:${String(r.rows[0]?.[1])}`;
  }
  return sums;
}

/** Names of the tables whose checksum differs between two snapshots (or that exist in only one). */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}
