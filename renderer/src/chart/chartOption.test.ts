import { describe, expect, it } from 'vitest';
import { buildChartOption, categoryLabels, maxBars, seriesAxes, timeValue, withExportTitle } from './chartOption.ts';
import type { ChartColors } from './chartOption.ts';

const colors: ChartColors = { text: '#111', muted: '#666', axisLine: '#ccc', splitLine: '#eee', tooltipBackground: '#fff', tooltipBorder: '#ccc', series: ['#36c'] };
const f = (name: string, type: string) => ({ name, type, typeOid: 0 });
const rows = (values: unknown[][]) => values.map((v, i) => ({ n: i + 1, v }));

interface Series {
  name: string;
  type: string;
  data: unknown[];
}

describe('timeValue', () => {
  it('reads dates and zone-less timestamps as UTC, and honours a zone when there is one', () => {
    expect(timeValue('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(timeValue('2024-03-01T10:30:00')).toBe(Date.UTC(2024, 2, 1, 10, 30));
    expect(timeValue('2024-03-01 10:30:00')).toBe(Date.UTC(2024, 2, 1, 10, 30));
    expect(timeValue('2024-03-01T10:30:00+02:00')).toBe(Date.UTC(2024, 2, 1, 8, 30));
    expect(timeValue('infinity')).toBeNull();
    expect(timeValue(null)).toBeNull();
  });
});

describe('buildChartOption', () => {
  it('puts a time series in time order on a UTC time axis', () => {
    const fields = [f('day', 'date'), f('moves', 'int8')];
    const { option } = buildChartOption({ type: 'line', x: 0, time: true, y: [1], notes: [] }, fields, rows([['2024-01-02', '7'], ['2024-01-01', 5]]), colors);
    expect(option.useUTC).toBe(true);
    expect((option.xAxis as { type: string }).type).toBe('time');
    expect((option.series as Series[])[0]?.data).toEqual([
      [Date.UTC(2024, 0, 1), 5],
      [Date.UTC(2024, 0, 2), 7],
    ]);
  });

  it('leaves out rows without a valid time and says how many', () => {
    const fields = [f('at', 'timestamptz'), f('v', 'int4')];
    const { option, notes } = buildChartOption({ type: 'line', x: 0, time: true, y: [1], notes: [] }, fields, rows([[null, 1], ['2024-01-01T00:00:00Z', 2]]), colors);
    expect(option.useUTC).toBe(false);
    expect((option.series as Series[])[0]?.data).toHaveLength(1);
    expect(notes).toEqual(['1 row without a valid time left out.']);
  });

  it('draws bars over category labels, with nulls labelled and numbers parsed', () => {
    const fields = [f('branch', 'text'), f('revenue', 'numeric')];
    const { option } = buildChartOption({ type: 'bar', x: 0, time: false, y: [1], notes: [] }, fields, rows([['Berlin', '10.5'], [null, null]]), colors);
    expect((option.xAxis as { data: string[] }).data).toEqual(['Berlin', '(null)']);
    expect((option.series as Series[])[0]).toMatchObject({ name: 'revenue', type: 'bar', data: [10.5, null] });
  });

  it('uses the row number when there is no x column', () => {
    const { option } = buildChartOption({ type: 'bar', x: null, time: false, y: [0], notes: [] }, [f('v', 'int4')], rows([[3], [4]]), colors);
    expect((option.xAxis as { data: string[]; name: string }).data).toEqual(['1', '2']);
  });

  it('caps the number of bars and says so', () => {
    const many = rows(Array.from({ length: maxBars + 50 }, (_, i) => [`b${i}`, i]));
    const { option, notes } = buildChartOption({ type: 'bar', x: 0, time: false, y: [1], notes: [] }, [f('b', 'text'), f('v', 'int4')], many, colors);
    expect((option.xAxis as { data: string[] }).data).toHaveLength(maxBars);
    expect(notes).toEqual([`Charting the first ${maxBars} of ${maxBars + 50} rows.`]);
  });
});

describe('withExportTitle', () => {
  it('adds the title above a still chart and moves the plot and legend down', () => {
    const spec = { type: 'line' as const, x: 0, time: false, y: [1, 2], notes: [] };
    const { option } = buildChartOption(spec, [f('n', 'int4'), f('a', 'int4'), f('b', 'int4')], rows([[1, 2, 3]]), colors);
    const titled = withExportTitle(option, 'Squares', colors);
    expect(titled).toMatchObject({ animation: false, title: { text: 'Squares' }, grid: { top: (option.grid as { top: number }).top + 30 }, legend: { top: 36 } });
    expect(titled.series).toBe(option.series);
  });
});

describe('categoryLabels', () => {
  it('shows every label of a short axis, upright when they fit and slanted when they would collide', () => {
    expect(categoryLabels(['a', 'b', 'c'])).toEqual({ interval: 0, width: 160, overflow: 'truncate' });
    const tables = ['lead_status', 'bad_lead', 'lost_lead', 'customer', 'booked_opportunity', 'job', 'user_performance', 'sales_performance', 'sales_person', 'branch', 'lead_source'];
    expect(categoryLabels(tables)).toEqual({ interval: 0, rotate: 35, width: 160, overflow: 'truncate' });
  });

  it('lets the chart thin out the labels of a long axis', () => {
    expect(categoryLabels(Array.from({ length: 41 }, (_, i) => `b${i}`))).toEqual({});
  });
});

describe('seriesAxes', () => {
  it('moves a series far smaller than the largest to a right axis, and keeps comparable ones together', () => {
    expect(seriesAxes([[120000, 90000], [40, 35]])).toEqual([0, 1]);
    expect(seriesAxes([[[1, 5]], [[1, 120000]], [[1, 80000]]])).toEqual([1, 0, 0]);
    expect(seriesAxes([[10, 20], [15, 12]])).toEqual([0, 0]);
    expect(seriesAxes([[0, 0], [0, null]])).toEqual([0, 0]);
    expect(seriesAxes([[5]])).toEqual([0]);
  });
});
