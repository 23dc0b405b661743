import type { ReadableDatabase } from '../../electron/core/db/index.ts';

/** Columns that hold the clock's time of a write, not data: two equal runs differ there. */
const clockColumns = new Set(['created_at', 'updated_at', 'started_at', 'finished_at', 'duration_ms']);

const plainName = /^[a-z_][a-z0-9_]*$/;

function quoted(name: string): string {
  if (!plainName.test(name)) throw new Error(`unexpected identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

interface Column {
  name: string;
  identity: boolean;
  /** The table it points into: a single-column foreign key, or else a table whose identity has its name. */
  references?: string;
}

/**
 * Like `tableChecksums`, but equal for two databases that hold the same data written at other times
 * and under other surrogate ids. Clock columns are left out, and every row is labelled by its content:
 * its identity column is dropped, and each foreign key is replaced by the label of the row it points
 * to (so a link compares by what it links to, recursively). Link columns without a constraint
 * (migration 0010) are recognised by name: `customer_id` points at the table whose identity is
 * `customer_id`. Two runs that made the same rows and the
 * same links agree, whatever ids their sequences handed out (a rolled-back transaction does not give
 * its ids back, and a step may number new rows in any order); an extra, missing or differently linked
 * row changes the checksum of its table.
 *
 * @example await comparableChecksums(db) // { branch: '8:9d29…', job: '2000:07a1…', … }
 */
export async function comparableChecksums(db: ReadableDatabase): Promise<Record<string, string>> {
  const catalog = await db.read(
    `select c.relname::text, a.attname::text, a.attidentity <> '', f.relname::text
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
       left join pg_constraint k on k.conrelid = c.oid and k.contype = 'f' and k.conkey = array[a.attnum]
       left join pg_class f on f.oid = k.confrelid
      where c.relkind = 'r' and c.relname <> 'workbench_migration'
      order by 1, a.attnum`,
  );
  const tables = new Map<string, Column[]>();
  const identities = new Map<string, string[]>();
  for (const [table, name, identity] of catalog.rows) {
    if (identity === true) identities.set(String(name), [...(identities.get(String(name)) ?? []), String(table)]);
  }
  for (const [table, name, identity, foreignKey] of catalog.rows) {
    const columns = tables.get(String(table)) ?? tables.set(String(table), []).get(String(table))!;
    const byName = identities.get(String(name));
    const references = foreignKey ? String(foreignKey) : identity !== true && byName?.length === 1 ? byName[0] : undefined;
    columns.push({ name: String(name), identity: identity === true, ...(references ? { references } : {}) });
  }

  /** `select <identity> as id, md5(<content>) as label from <table>`, links labelled recursively. */
  const labelled = (table: string, path: readonly string[]): string => {
    const columns = tables.get(table);
    if (!columns) throw new Error(`no table ${table}`);
    const id = columns.find((c) => c.identity);
    const content: string[] = [];
    const joins: string[] = [];
    columns.forEach((column, i) => {
      if (column.identity || clockColumns.has(column.name)) return;
      // A reference back into a table being labelled (a decision undoing another) keeps its raw value.
      if (!column.references || path.includes(column.references) || column.references === table) {
        content.push(`t.${quoted(column.name)}`);
        return;
      }
      joins.push(`left join (${labelled(column.references, [...path, table])}) l${i} on l${i}.id = t.${quoted(column.name)}`);
      content.push(`l${i}.label`);
    });
    return `select ${id ? `t.${quoted(id.name)}` : 'null::bigint'} as id, md5(row(${content.join(', ')})::text) as label
              from public.${quoted(table)} t ${joins.join(' ')}`;
  };

  const sums: Record<string, string> = {};
  for (const table of tables.keys()) {
    const r = await db.read(`select count(*), md5(coalesce(string_agg(label, '|' order by label), '')) from (${labelled(table, [])}) x`);
    sums[table] = `${Number(r.rows[0]?.[0])}:${String(r.rows[0]?.[1])}`;
  }
  return sums;
}
