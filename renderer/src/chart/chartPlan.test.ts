import { describe, expect, it } from 'vitest';
import { maxSeries, planChart } from './chartPlan.ts';

const f = (name: string, type: string) => ({ name, type, typeOid: 0 });

describe('planChart: inference', () => {
  it('draws a line over time from the first date or timestamp column', () => {
    const fields = [f('branch', 'text'), f('day', 'date'), f('moves', 'int8'), f('revenue', 'numeric')];
    expect(planChart(fields)).toEqual({ ok: true, spec: { type: 'line', x: 1, time: true, y: [2, 3], notes: [] } });
  });

  it('draws bars over the first text column when there is no time column', () => {
    const fields = [f('id', 'int4'), f('branch', 'varchar'), f('moves', 'int4')];
    expect(planChart(fields)).toEqual({ ok: true, spec: { type: 'bar', x: 1, time: false, y: [0, 2], notes: [] } });
  });

  it('plots the other numbers against the first when there are only numbers', () => {
    const fields = [f('n', 'int4'), f('sq', 'int4')];
    expect(planChart(fields)).toEqual({ ok: true, spec: { type: 'line', x: 0, time: false, y: [1], notes: [] } });
  });

  it('plots a single number against the row number', () => {
    expect(planChart([f('total', 'numeric')])).toEqual({ ok: true, spec: { type: 'bar', x: null, time: false, y: [0], notes: [] } });
  });

  it('caps the series and says so', () => {
    const fields = [f('label', 'text'), ...Array.from({ length: 12 }, (_, i) => f(`v${i}`, 'float8'))];
    const plan = planChart(fields);
    expect(plan.ok && plan.spec.y).toHaveLength(maxSeries);
    expect(plan.ok && plan.spec.notes).toEqual([`Plotting the first ${maxSeries} of 12 numeric columns.`]);
  });

  it('refuses a result without numbers or columns', () => {
    expect(planChart([f('name', 'text'), f('day', 'date')])).toEqual({ ok: false, reason: 'The result has no numeric column to plot.' });
    expect(planChart([])).toEqual({ ok: false, reason: 'The result has no columns.' });
  });
});

describe('planChart: presets', () => {
  const fields = [f('month', 'date'), f('branch', 'text'), f('moves', 'int4'), f('quotes', 'int4')];

  it('follows the preset type and columns', () => {
    expect(planChart(fields, { type: 'bar', x: 'branch', y: ['quotes'] })).toEqual({
      ok: true,
      spec: { type: 'bar', x: 1, time: false, y: [3], notes: [] },
    });
  });

  it('infers what the preset leaves out', () => {
    expect(planChart(fields, { type: 'line' })).toEqual({ ok: true, spec: { type: 'line', x: 0, time: true, y: [2, 3], notes: [] } });
  });

  it('falls back to inference for columns the result lacks, with a note', () => {
    const plan = planChart(fields, { type: 'line', x: 'week', y: ['gone'] });
    expect(plan).toEqual({
      ok: true,
      spec: {
        type: 'line',
        x: 0,
        time: true,
        y: [2, 3],
        notes: ['The preset\'s x column "week" is not in the result.', 'The preset\'s column "gone" is not in the result.'],
      },
    });
  });

  it('draws nothing for a "none" preset', () => {
    expect(planChart(fields, { type: 'none' })).toEqual({ ok: false, reason: 'This query has no chart.' });
  });
});
