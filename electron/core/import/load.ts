import { checkIdentifier } from '../db/copy.ts';
import { ImportFileError } from './errors.ts';
import { parseRow, rawRecord } from './rows.ts';
import type { SqlRunner } from '../db/index.ts';
import type { FileFacts, OpenedSource } from './file-source.ts';
import type { Reject } from './rows.ts';
import type { ColumnSpec, SourceSpec } from './sources.ts';

/** Rejecting more rows than this means the wrong file, not a few bad rows: the file fails whole. */
export const maxRejects = 100_000;

export interface LoadCounts {
  batchId: number;
  kind: SourceSpec['kind'];
  rows: number;
  imported: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejects: Reject[];
}

const castFor: Record<ColumnSpec['type'], string> = {
  text: 'text',
  date: 'date',
  timestamp: 'timestamp',
  numeric: 'numeric',
  integer: 'integer',
  smallint: 'smallint',
};

/**
 * Loads one file inside the caller's transaction: a batch row, a streaming COPY of the parsed rows
 * into a temporary staging table, duplicates of a natural key inside the file rejected (the last row
 * wins), then one set-based upsert into the model table. Rows = imported + rejected, always.
 */
export async function loadFile(
  tx: SqlRunner,
  facts: FileFacts,
  source: OpenedSource,
  options: { onRows?: (rows: number) => void; importedBy?: string },
): Promise<LoadCounts> {
  const spec: SourceSpec = source.detected.spec;
  const batch = await tx.query(
    `insert into import_batch (source_kind, file_name, content_sha256, file_bytes, imported_by)
     values ($1, $2, $3, $4, coalesce($5, current_user)) returning import_batch_id`,
    [spec.kind, facts.label, facts.sha256, facts.bytes, options.importedBy ?? null],
  );
  const batchId = Number(batch.rows[0]?.[0]);
  const columns = spec.columns.map((c) => checkIdentifier(c.column));
  await tx.exec(
    `create temp table import_stage (source_row integer not null, source_key text not null, raw_row text not null, ${columns.map((c) => `${c} text`).join(', ')}) on commit drop`,
  );

  const rejects: Reject[] = [];
  let rows = 0;
  async function* staged(): AsyncGenerator<(string | null)[]> {
    for await (const data of source.rows) {
      rows += 1;
      if (rows % 5000 === 0) options.onRows?.(rows);
      const outcome = parseRow(source.detected, source.headers, data.cells, data.problems);
      if (!outcome.ok) {
        rejects.push({ row: data.row, ...outcome.reject, raw: rawRecord(source.headers, data.cells) });
        if (rejects.length > maxRejects) {
          throw new ImportFileError(facts.label, `more than ${maxRejects} rows rejected (last: row ${data.row}, ${outcome.reject.reason}); is this the right file?`);
        }
        continue;
      }
      yield [String(data.row), outcome.key, JSON.stringify(rawRecord(source.headers, data.cells)), ...spec.columns.map((c) => c.value(outcome.row))];
    }
  }
  await tx.copyRows('import_stage', ['source_row', 'source_key', 'raw_row', ...columns], staged());
  options.onRows?.(rows);

  // The same natural key twice in one file: the later row is the newer state, the earlier is rejected.
  const duplicates = await tx.query(
    `delete from import_stage s
      using (select source_row, max(source_row) over (partition by source_key) as kept from import_stage) d
      where s.source_row = d.source_row and d.source_row <> d.kept
      returning s.source_row, d.kept, s.raw_row`,
  );
  for (const [row, kept, rawRow] of duplicates.rows) {
    rejects.push({ row: Number(row), column: null, reason: `duplicate of row ${Number(kept)} (same ${spec.naturalKeyDoc}); the later row was kept`, raw: JSON.parse(String(rawRow)) as Record<string, string> });
  }

  const select = spec.columns.map((c) => `nullif(${c.column}, '')::${castFor[c.type]}`).join(', ');
  const list = columns.join(', ');
  const upsert = await tx.query(
    `with upserted as (
       insert into ${checkIdentifier(spec.table)} as t (${list}, import_batch_id, source_row, source_key)
       select ${select}, $1::bigint, source_row, source_key from import_stage
       on conflict (source_key) do update
          set ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}, import_batch_id = excluded.import_batch_id,
              source_row = excluded.source_row, updated_at = now()
        where (${columns.map((c) => `t.${c}`).join(', ')}) is distinct from (${columns.map((c) => `excluded.${c}`).join(', ')})
       returning (xmax = 0) as inserted
     )
     select count(*) filter (where inserted), count(*) filter (where not inserted) from upserted`,
    [batchId],
  );
  const inserted = Number(upsert.rows[0]?.[0] ?? 0);
  const updated = Number(upsert.rows[0]?.[1] ?? 0);
  const staged_ = await tx.query('select count(*) from import_stage');
  const imported = Number(staged_.rows[0]?.[0] ?? 0);

  rejects.sort((a, b) => a.row - b.row);
  if (rejects.length > 0) {
    await tx.copyRows(
      'import_reject',
      ['import_batch_id', 'row_number', 'column_name', 'reason', 'raw_row'],
      rejects.map((r) => [String(batchId), String(r.row), r.column, r.reason, JSON.stringify(r.raw)]),
    );
  }
  if (imported + rejects.length !== rows) {
    throw new ImportFileError(facts.label, `internal check failed: ${rows} rows read but ${imported} imported and ${rejects.length} rejected`);
  }
  await tx.query(
    `update import_batch set status = 'completed', row_count = $2, imported_count = $3, rejected_count = $4, finished_at = now()
      where import_batch_id = $1`,
    [batchId, rows, imported, rejects.length],
  );
  return { batchId, kind: spec.kind, rows, imported, rejected: rejects.length, inserted, updated, unchanged: imported - inserted - updated, rejects };
}
