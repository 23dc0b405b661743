import { checkIdentifier } from '../db/copy.ts';
import { ImportFileError } from './errors.ts';
import { bytesWithoutBom } from './csv-reader.ts';
import { rawRecord, structuralProblem } from './rows.ts';
import { fieldSql, literal } from './sql-fields.ts';
import type { SqlRunner } from '../db/index.ts';
import type { FileFacts, OpenedSource } from './file-source.ts';
import type { ColumnSpec, SourceSpec } from './sources.ts';

/** Rejecting more rows than this means the wrong file, not a few bad rows: the file fails whole. */
export const maxRejects = 100_000;

export type LoadPhase = 'stage' | 'check' | 'upsert' | 'finish';

export interface LoadCounts {
  batchId: number;
  kind: SourceSpec['kind'];
  rows: number;
  imported: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
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
 * SQL that checks and types every staged row in one statement (see sql-fields.ts). Nested levels,
 * each fenced with OFFSET 0 so the planner does not inline it into the next: helper columns, then one
 * problem per field, then the typed values of the rows' fields.
 */
function checkStatement(spec: SourceSpec, stage: string, headerOf: (field: string) => string, mapped: string[]): string {
  const fields = mapped.map((name) => ({ name, sql: fieldSql(name, spec.fields[name] as NonNullable<SourceSpec['fields'][string]>) }));
  const level = (from: string, columns: string[]) => `(select s.*${columns.map((c) => `, ${c}`).join('')} from ${from} s offset 0)`;
  let from = stage;
  for (let i = 0; i < 3; i += 1) {
    const columns = fields.flatMap((f) => f.sql.prep?.[i] ?? []);
    if (columns.length) from = level(from, columns);
  }
  from = level(from, fields.map((f) => `${f.sql.problem} as p_${f.name}`));
  const rejectColumn = fields.length ? `case ${fields.map((f) => `when p_${f.name} is not null then ${literal(headerOf(f.name))}`).join(' ')} end` : 'null::text';
  const rejectReason = fields.length ? `coalesce(${fields.map((f) => `p_${f.name}`).join(', ')})` : 'null::text';
  const values = fields.map(
    (f) => `case when c_${f.name} is null or btrim(c_${f.name}) = '' or p_${f.name} is not null then null else ${f.sql.value} end as v_${f.name}`,
  );
  // Fields the file does not have are NULL, so column SQL can name every field of the kind.
  const absent = Object.keys(spec.fields)
    .filter((name) => !mapped.includes(name))
    .map((name) => `null::text as c_${name}, null::text as v_${name}`);
  return `create temp table import_checked on commit drop as
select source_row, ${rejectColumn} as reject_column, ${rejectReason} as reject_reason,
  ${[...mapped.map((name) => `c_${name}`), ...values, ...absent].join(',\n  ')}
from ${from} s`;
}

/**
 * Loads one file inside the caller's transaction:
 * 1. a batch row; 2. the raw cells streamed by COPY into a temporary staging table (only structurally
 * broken rows are rejected on the way); 3. one statement that checks and types every staged row;
 * 4. rejects recorded with their column and reason, and duplicates of a natural key inside the file
 * rejected (the later row wins); 5. one set-based upsert into the model table by natural key.
 * Rows = imported + rejected, always; the caller's transaction makes it all or nothing.
 */
export async function loadFile(
  tx: SqlRunner,
  facts: FileFacts,
  source: OpenedSource,
  options: {
    onRows?: (rows: number) => void;
    onBytes?: (bytes: number) => void;
    importedBy?: string;
    onPhase?: (phase: LoadPhase, ms: number) => void;
    /** Let the server parse a plain CSV itself (COPY of the file's bytes), as psql's \copy does. */
    rawCopy?: boolean;
  },
): Promise<LoadCounts> {
  const spec = source.detected.spec;
  let phaseStart = performance.now();
  const phase = (name: LoadPhase) => {
    const now = performance.now();
    options.onPhase?.(name, now - phaseStart);
    phaseStart = now;
  };
  const batch = await tx.query(
    `insert into import_batch (source_kind, file_name, content_sha256, file_bytes, imported_by)
     values ($1, $2, $3, $4, coalesce($5, current_user)) returning import_batch_id`,
    [spec.kind, facts.label, facts.sha256, facts.bytes, options.importedBy ?? null],
  );
  const batchId = Number(batch.rows[0]?.[0]);
  const mapped = [...source.detected.columns.keys()].map(checkIdentifier);
  const indexes = mapped.map((name) => source.detected.columns.get(name) as number);
  // One staging column per column of the file: the mapped ones named after their field. A regular
  // UNLOGGED table (not TEMP) so that PostgreSQL may check it with parallel workers; it is created
  // and dropped inside this transaction, so a rollback removes it too.
  const stage = checkIdentifier(`import_stage_${batchId}`);
  const fileColumns = source.headers.map((_h, i) => {
    const field = mapped[indexes.indexOf(i)];
    return field ? `c_${field}` : `x_${i + 1}`;
  });
  await tx.exec(
    `create unlogged table ${stage} (source_row integer generated by default as identity, ${fileColumns.map((c) => `${c} text`).join(', ')})`,
  );

  const structural: { row: number; column: string | null; reason: string; raw: Record<string, string> }[] = [];
  let rows = 0;
  let staged = false;
  if (options.rawCopy && source.csv?.headerFirst) {
    // The fast path: the server parses the bytes. Anything it cannot take whole (a ragged row, a
    // blank line, a NUL byte…) rolls back to the savepoint and the file goes the careful way below.
    await tx.exec('savepoint import_raw_copy');
    try {
      rows = await tx.copyCsvFile(stage, fileColumns, bytesWithoutBom(facts.path, options.onBytes), { delimiter: source.csv.delimiter, encoding: facts.encoding });
      await tx.exec('release savepoint import_raw_copy');
      staged = true;
    } catch {
      await tx.exec('rollback to savepoint import_raw_copy');
    }
  }
  if (!staged) {
    async function* parsed(): AsyncGenerator<(string | null)[]> {
      for await (const data of source.rows) {
        rows += 1;
        if (rows % 10_000 === 0) options.onRows?.(rows);
        const problem = structuralProblem(source.detected, source.headers, data.cells, data.problems);
        if (problem) {
          structural.push({ row: data.row, ...problem, raw: rawRecord(source.headers, data.cells) });
          if (structural.length > maxRejects) throw new ImportFileError(facts.label, `more than ${maxRejects} rows rejected (last: row ${data.row}, ${problem.reason}); is this the right file?`);
          continue;
        }
        const out: (string | null)[] = [String(data.row)];
        for (const index of indexes) {
          const cell = data.cells[index];
          out.push(cell === undefined || cell === '' ? null : cell);
        }
        yield out;
      }
    }
    await tx.copyRows(stage, ['source_row', ...mapped.map((c) => `c_${c}`)], parsed());
  }
  options.onRows?.(rows);
  phase('stage');

  const headerOf = (field: string) => source.headers[source.detected.columns.get(field) ?? -1] ?? field;
  await tx.exec(checkStatement(spec, stage, headerOf, mapped));
  for (const check of spec.rowChecks ?? []) {
    const problem = check.problem(headerOf);
    await tx.exec(`update import_checked c set reject_column = ${literal(headerOf(check.field))}, reject_reason = ${problem}
                    where reject_reason is null and (${problem}) is not null`);
  }
  await tx.exec(`alter table import_checked add column source_key text`);
  await tx.exec(`update import_checked c set source_key = ${spec.naturalKey} where reject_reason is null`);
  // The same natural key twice in one file: the later row is the newer state, the earlier is rejected.
  await tx.exec(`update import_checked c set reject_reason = 'duplicate of row ' || d.kept || ' (same ${spec.naturalKeyDoc.replace(/'/g, "''")}); the later row was kept'
    from (select source_row, max(source_row) over (partition by source_key) as kept from import_checked where reject_reason is null) d
    where c.source_row = d.source_row and d.source_row <> d.kept`);
  const rejectedCount = await tx.query(`select count(*) from import_checked where reject_reason is not null`);
  if (Number(rejectedCount.rows[0]?.[0]) + structural.length > maxRejects) {
    throw new ImportFileError(facts.label, `more than ${maxRejects} rows rejected; is this the right file?`);
  }
  await tx.query(
    `insert into import_reject (import_batch_id, row_number, column_name, reason, raw_row)
     select $1, c.source_row, c.reject_column, c.reject_reason,
            jsonb_strip_nulls(jsonb_build_object(${mapped.map((m) => `${literal(headerOf(m))}, s.c_${m}`).join(', ')}))
       from import_checked c join ${stage} s using (source_row)
      where c.reject_reason is not null`,
    [batchId],
  );
  if (structural.length > 0) {
    await tx.copyRows(
      'import_reject',
      ['import_batch_id', 'row_number', 'column_name', 'reason', 'raw_row'],
      structural.map((r) => [String(batchId), String(r.row), r.column, r.reason, JSON.stringify(r.raw)]),
    );
  }
  phase('check');

  const columns = spec.columns.map((c) => checkIdentifier(c.column));
  const upsert = await tx.query(
    `with upserted as (
       insert into ${checkIdentifier(spec.table)} as t (${columns.join(', ')}, import_batch_id, source_row, source_key)
       select ${spec.columns.map((c) => `(${c.sql})::${castFor[c.type]}`).join(', ')}, $1::bigint, c.source_row, c.source_key
         from import_checked c
        where c.reject_reason is null
       on conflict (source_key) do update
          set ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}, import_batch_id = excluded.import_batch_id,
              source_row = excluded.source_row, updated_at = now()
        where (${columns.map((c) => `t.${c}`).join(', ')}) is distinct from (${columns.map((c) => `excluded.${c}`).join(', ')})
       returning (xmax = 0) as inserted
     )
     select count(*) filter (where inserted), count(*) filter (where not inserted) from upserted`,
    [batchId],
  );
  phase('upsert');
  const counts = await tx.query(`select count(*) filter (where reject_reason is null), count(*) filter (where reject_reason is not null) from import_checked`);
  const imported = Number(counts.rows[0]?.[0] ?? 0);
  const rejected = Number(counts.rows[0]?.[1] ?? 0) + structural.length;
  if (imported + rejected !== rows) {
    throw new ImportFileError(facts.label, `internal check failed: ${rows} rows read but ${imported} imported and ${rejected} rejected`);
  }
  await tx.exec(`drop table ${stage}`);
  // Fresh statistics: without them the planner misjudges a table that just grew (a query went from
  // 0.85 s to 72 s on the embedded engine after an import).
  await tx.exec(`analyze ${checkIdentifier(spec.table)}`);
  await tx.query(
    `update import_batch set status = 'completed', row_count = $2, imported_count = $3, rejected_count = $4, finished_at = now()
      where import_batch_id = $1`,
    [batchId, rows, imported, rejected],
  );
  const inserted = Number(upsert.rows[0]?.[0] ?? 0);
  const updated = Number(upsert.rows[0]?.[1] ?? 0);
  phase('finish');
  return { batchId, kind: spec.kind, rows, imported, rejected, inserted, updated, unchanged: imported - inserted - updated };
}
