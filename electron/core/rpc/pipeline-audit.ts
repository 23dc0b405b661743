import type { ReadableDatabase } from '../db/index.ts';
import type { PipelineAuditRow, TableCount } from '../../../shared/contract/index.ts';

// Times as UTC ISO 8601 with a Z, which every JavaScript Date parses (PostgreSQL prints '+00').
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const columns = `pipeline_run_id, step, mode, run_by, status, ${iso('started_at')}, ${iso('finished_at')}, duration_ms, counts, error`;
const actions = new Set(['insert', 'update', 'link', 'delete']);

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** The audit row's `counts` as the runner writes it ({ changes: [{ table, action, rows }], notes }); anything else reads as empty. */
function parseCounts(counts: unknown): Pick<PipelineAuditRow, 'changes' | 'notes'> {
  const value = (typeof counts === 'string' ? safeJson(counts) : counts) as { changes?: unknown; notes?: unknown } | null;
  const changes: TableCount[] = [];
  if (Array.isArray(value?.changes)) {
    for (const c of value.changes as { table?: unknown; action?: unknown; rows?: unknown }[]) {
      if (typeof c?.table === 'string' && typeof c.action === 'string' && actions.has(c.action) && Number.isFinite(Number(c.rows))) {
        changes.push({ table: c.table, action: c.action as TableCount['action'], rows: Number(c.rows) });
      }
    }
  }
  const notes: Record<string, number> = {};
  if (value?.notes && typeof value.notes === 'object') {
    for (const [name, n] of Object.entries(value.notes as Record<string, unknown>)) if (Number.isFinite(Number(n))) notes[name] = Number(n);
  }
  return { changes, notes };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function toAuditRow(row: unknown[]): PipelineAuditRow {
  const [id, step, mode, runBy, status, startedAt, finishedAt, durationMs, counts, error] = row;
  return {
    id: Number(id),
    step: String(step),
    mode: mode === 'plan' ? 'plan' : 'run',
    runBy: String(runBy),
    status: status === 'completed' || status === 'failed' || status === 'cancelled' ? status : 'running',
    startedAt: String(startedAt),
    finishedAt: text(finishedAt),
    durationMs: durationMs === null || durationMs === undefined ? null : Number(durationMs),
    ...parseCounts(counts),
    error: text(error),
  };
}

/** Each step's newest run (not plan) from the audit table, by step name. */
export async function readLastRuns(db: ReadableDatabase): Promise<Map<string, PipelineAuditRow>> {
  const result = await db.read(
    `select distinct on (step) ${columns} from pipeline_run where mode = 'run' order by step, pipeline_run_id desc`,
  );
  return new Map(result.rows.map((r) => [String(r[1]), toAuditRow(r)]));
}

/** Audit rows newest first, `limit` at a time, older than `beforeId` when given. */
export async function readHistory(
  db: ReadableDatabase,
  options: { limit: number; beforeId?: number | undefined; step?: string | undefined },
): Promise<{ rows: PipelineAuditRow[]; nextBeforeId: number | null }> {
  const result = await db.read(
    `select ${columns} from pipeline_run
      where ($1::bigint is null or pipeline_run_id < $1) and ($2::text is null or step = $2)
      order by pipeline_run_id desc limit $3`,
    [options.beforeId ?? null, options.step ?? null, options.limit + 1],
  );
  const rows = result.rows.slice(0, options.limit).map(toAuditRow);
  const more = result.rows.length > options.limit;
  return { rows, nextBeforeId: more ? (rows[rows.length - 1]?.id ?? null) : null };
}
