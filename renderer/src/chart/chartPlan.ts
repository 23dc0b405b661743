import type { ChartPreset } from '../../../shared/contract/index.ts';
import type { ResultField } from '../../../shared/db.ts';
import { isNumericType, isTemporalType, isTextType } from '../lib/pgTypes.ts';

/** More series than this make a chart unreadable; the first ones are plotted and a note says so. */
export const maxSeries = 8;

/**
 * What to draw for a result. `x` and `y` are field indexes; `x === null` plots against the row number.
 * `time` puts x on a time axis (a date or timestamp column of a line chart).
 * @example { type: 'line', x: 0, time: true, y: [1, 2], notes: [] }
 */
export interface ChartSpec {
  type: 'bar' | 'line';
  x: number | null;
  time: boolean;
  y: number[];
  notes: string[];
}

export type ChartPlan = { ok: true; spec: ChartSpec } | { ok: false; reason: string };

function inferX(fields: ResultField[]): { x: number | null; type: 'bar' | 'line' } {
  const temporal = fields.findIndex((f) => isTemporalType(f.type));
  if (temporal !== -1) return { x: temporal, type: 'line' };
  const text = fields.findIndex((f) => isTextType(f.type));
  if (text !== -1) return { x: text, type: 'bar' };
  // Only numbers: with two or more, the first reads as the x of the others (`select n, n*n`).
  const numeric = fields.filter((f) => isNumericType(f.type));
  if (numeric.length >= 2) return { x: fields.indexOf(numeric[0] as ResultField), type: 'line' };
  return { x: null, type: 'bar' };
}

function finish(type: 'bar' | 'line', x: number | null, y: number[], fields: ResultField[], notes: string[]): ChartPlan {
  if (y.length === 0) return { ok: false, reason: 'The result has no numeric column to plot.' };
  if (y.length > maxSeries) notes.push(`Plotting the first ${maxSeries} of ${y.length} numeric columns.`);
  const time = type === 'line' && x !== null && isTemporalType(fields[x]?.type ?? '');
  return { ok: true, spec: { type, x, time, y: y.slice(0, maxSeries), notes } };
}

/**
 * Decides the chart of a result: the query's preset when it has one (falling back to inference for a
 * missing or unknown column), else inferred — the first date/timestamp column gives a line over time,
 * else the first text column gives bars; the numeric columns other than x are the series.
 */
export function planChart(fields: ResultField[], preset?: ChartPreset): ChartPlan {
  if (fields.length === 0) return { ok: false, reason: 'The result has no columns.' };
  if (preset?.type === 'none') return { ok: false, reason: 'This query has no chart.' };

  const notes: string[] = [];
  const inferred = inferX(fields);
  let x = inferred.x;
  const type = preset ? preset.type : inferred.type;
  if (preset?.x !== undefined) {
    const index = fields.findIndex((f) => f.name === preset.x);
    if (index === -1) notes.push(`The preset's x column "${preset.x}" is not in the result.`);
    else x = index;
  }

  let y: number[] = [];
  if (preset?.y && preset.y.length > 0) {
    for (const name of preset.y) {
      const index = fields.findIndex((f) => f.name === name);
      if (index === -1) notes.push(`The preset's column "${name}" is not in the result.`);
      else y.push(index);
    }
  }
  if (y.length === 0) y = fields.flatMap((f, i) => (i !== x && isNumericType(f.type) ? [i] : []));
  return finish(type, x, y, fields, notes);
}
