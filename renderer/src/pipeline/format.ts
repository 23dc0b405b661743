import type { PipelineMode, TableCount } from '../../../shared/contract/index.ts';
import { formatCount } from '../lib/pgTypes.ts';

export type Action = TableCount['action'];
export const actions: readonly Action[] = ['insert', 'update', 'link', 'delete'];

const done: Record<Action, string> = { insert: 'inserted', update: 'updated', link: 'linked', delete: 'deleted' };

/** "would insert" in a plan, "inserted" after a run. */
export function actionLabel(action: Action, mode: PipelineMode): string {
  return mode === 'plan' ? `would ${action}` : done[action];
}

export type Totals = Record<Action, number> & { total: number };

/** Row changes per action over steps (or over one step's changes). */
export function totalsOf(changes: readonly Pick<TableCount, 'action' | 'rows'>[]): Totals {
  const totals: Totals = { insert: 0, update: 0, link: 0, delete: 0, total: 0 };
  for (const c of changes) {
    totals[c.action] += c.rows;
    totals.total += c.rows;
  }
  return totals;
}

/** "8 inserted · 412 linked", or "no changes"; zero actions are left out. */
export function describeTotals(totals: Totals, mode: PipelineMode = 'run'): string {
  const parts = actions.filter((a) => totals[a] > 0).map((a) => `${formatCount(totals[a])} ${mode === 'plan' ? `to ${a}` : done[a]}`);
  return parts.length ? parts.join(' · ') : 'no changes';
}

/** An audit row's changes in one line: "branch 8 inserted · lead_status 412 linked". */
export function describeChanges(changes: readonly TableCount[]): string {
  const nonZero = changes.filter((c) => c.rows > 0);
  if (nonZero.length === 0) return 'no changes';
  return nonZero.map((c) => `${c.table} ${formatCount(c.rows)} ${done[c.action]}`).join(' · ');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A timestamp in local time: "14:02:09" today, else "2026-11-25 14:02". */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return sameDay ? `${time}:${pad(at.getSeconds())}` : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatAgo(iso: string, now: Date = new Date()): string {
  const ms = now.getTime() - new Date(iso).getTime();
  if (Number.isNaN(ms)) return '';
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h ago`;
  const days = Math.floor(ms / 86_400_000);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

/** A sample row's cell as text: null shows as null, objects as JSON, long text cut. */
export function formatSampleValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
