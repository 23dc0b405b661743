import type { EChartsCoreOption } from 'echarts/core';
import type { ResultField } from '../../../shared/db.ts';
import { cellToNumber, formatCount, formatRowCount } from '../lib/pgTypes.ts';
import type { ResultRow } from '../lib/runBuffer.ts';
import type { ChartSpec } from './chartPlan.ts';

/** More bars than this are a wall; more points than this slow the canvas without showing more. */
export const maxBars = 200;
export const maxPoints = 20_000;

/** Colours of the app's theme the chart must match. */
export interface ChartColors {
  text: string;
  muted: string;
  axisLine: string;
  splitLine: string;
  tooltipBackground: string;
  tooltipBorder: string;
  series: string[];
}

const zoneSuffix = /(?:Z|[+-]\d\d(?::?\d\d)?)$/;

/**
 * A date or timestamp cell as epoch milliseconds. Values without a zone (date, timestamp) are read as
 * UTC and the chart shows them in UTC, so 2024-03-01 stays 2024-03-01 in every time zone.
 */
export function timeValue(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const iso = value.length === 10 ? `${value}T00:00:00Z` : value.replace(' ', 'T');
  const ms = Date.parse(zoneSuffix.test(iso) ? iso : `${iso}Z`);
  return Number.isFinite(ms) ? ms : null;
}

/** Roughly how many label characters fit along the axis of a typical results pane before they collide. */
const labelRoom = 130;

/**
 * Category labels: every one while there are few (a bar without its name is useless), slanted when
 * they would not fit side by side, cut at 24 characters; thinned out automatically when there are many.
 */
export function categoryLabels(categories: readonly string[]): { interval?: number; rotate?: number; width?: number; overflow?: 'truncate' } {
  if (categories.length > 40) return {};
  const longest = Math.min(24, Math.max(0, ...categories.map((c) => c.length)));
  const rotate = categories.length * (longest + 2) > labelRoom ? 35 : 0;
  return { interval: 0, ...(rotate ? { rotate } : {}), width: 160, overflow: 'truncate' };
}

function label(value: unknown): string {
  if (value === null || value === undefined) return '(null)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A series smaller than this share of the largest gets its own axis, or it would be a flat line at zero. */
const ownAxisRatio = 1 / 20;

/**
 * Which y axis each series goes on: 0 (left) for all, unless some series are so much smaller than
 * the largest (jobs beside revenue) that they would flatten to zero; those go on a right axis (1).
 * @example seriesAxes([[120000, 90000], [40, 35]]) → [0, 1]
 */
export function seriesAxes(seriesData: readonly (readonly unknown[])[]): number[] {
  const peaks = seriesData.map((data) =>
    data.reduce<number>((max, point) => {
      const value = Array.isArray(point) ? point[1] : point;
      return typeof value === 'number' && Number.isFinite(value) ? Math.max(max, Math.abs(value)) : max;
    }, 0),
  );
  const largest = Math.max(0, ...peaks);
  const axes = peaks.map((peak) => (largest > 0 && peak < largest * ownAxisRatio ? 1 : 0));
  return axes.includes(0) && axes.includes(1) ? axes : axes.map(() => 0);
}

/** The ECharts option for a planned chart of `rows`, plus notes about rows left out. */
export function buildChartOption(spec: ChartSpec, fields: ResultField[], rows: readonly ResultRow[], colors: ChartColors): { option: EChartsCoreOption; notes: string[] } {
  const notes: string[] = [];
  const limit = spec.type === 'bar' ? maxBars : maxPoints;
  const shown = rows.length > limit ? rows.slice(0, limit) : rows;
  if (rows.length > limit) notes.push(`Charting the first ${formatCount(limit)} of ${formatCount(rows.length)} rows.`);

  const xIndex = spec.x;
  let categories: string[] | undefined;
  let seriesData: (number | null)[][] | [number, number | null][][];
  if (spec.time && xIndex !== null) {
    const points = shown.flatMap((row) => {
      const t = timeValue(row.v[xIndex]);
      return t === null ? [] : [{ t, row }];
    });
    if (points.length < shown.length) notes.push(`${formatRowCount(shown.length - points.length)} without a valid time left out.`);
    points.sort((a, b) => a.t - b.t);
    seriesData = spec.y.map((yi) => points.map(({ t, row }) => [t, cellToNumber(row.v[yi])] as [number, number | null]));
  } else {
    categories = shown.map((row) => (xIndex === null ? String(row.n) : label(row.v[xIndex])));
    seriesData = spec.y.map((yi) => shown.map((row) => cellToNumber(row.v[yi])));
  }

  const xType = fields[xIndex ?? -1]?.type;
  const axes = seriesAxes(seriesData);
  const dual = axes.includes(1);
  const namesOn = (axis: number) => spec.y.filter((_yi, i) => axes[i] === axis).map((yi) => fields[yi]?.name ?? '');
  const many = shown.length > 60;
  const axisCommon = {
    axisLine: { lineStyle: { color: colors.axisLine } },
    axisLabel: { color: colors.muted, hideOverlap: true },
    splitLine: { lineStyle: { color: colors.splitLine } },
    nameTextStyle: { color: colors.muted },
  };
  const option: EChartsCoreOption = {
    backgroundColor: 'transparent',
    animation: shown.length <= 2000,
    useUTC: spec.time && xType !== 'timestamptz',
    color: colors.series,
    textStyle: { color: colors.text, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', fontSize: 12 },
    grid: { left: 20, right: dual ? 20 : 24, top: spec.y.length > 1 ? 44 : 32, bottom: 16 },
    legend: spec.y.length > 1 ? { type: 'scroll', top: 6, textStyle: { color: colors.text }, pageTextStyle: { color: colors.muted } } : { show: false },
    tooltip: {
      trigger: 'axis',
      confine: true,
      backgroundColor: colors.tooltipBackground,
      borderColor: colors.tooltipBorder,
      textStyle: { color: colors.text, fontSize: 12 },
    },
    dataZoom: many ? [{ type: 'inside' }] : [],
    xAxis: {
      ...axisCommon,
      type: categories ? 'category' : 'time',
      ...(categories ? { data: categories, axisLabel: { ...axisCommon.axisLabel, ...categoryLabels(categories) } } : {}),
      name: xIndex === null ? 'row' : fields[xIndex]?.name,
      nameLocation: 'middle',
      nameGap: 28,
      splitLine: { show: false },
    },
    yAxis: dual
      ? [
          { ...axisCommon, type: 'value', name: namesOn(0).length === 1 ? namesOn(0)[0] : undefined },
          { ...axisCommon, type: 'value', name: namesOn(1).join(', '), splitLine: { show: false } },
        ]
      : {
          ...axisCommon,
          type: 'value',
          name: spec.y.length === 1 ? fields[spec.y[0] as number]?.name : undefined,
        },
    series: spec.y.map((yi, i) => ({
      name: fields[yi]?.name ?? `column ${yi + 1}`,
      type: spec.type,
      data: seriesData[i],
      ...(dual ? { yAxisIndex: axes[i] } : {}),
      showSymbol: spec.type === 'line' ? !many : undefined,
      sampling: spec.type === 'line' && many ? 'lttb' : undefined,
      barMaxWidth: spec.type === 'bar' ? 48 : undefined,
      emphasis: { focus: 'series' },
    })),
  };
  return { option, notes };
}

const titleHeight = 30;

/**
 * The option for an exported image: the same chart under a title, without animation (the image is
 * taken at once), with the legend and plot moved down to make room.
 */
export function withExportTitle(option: EChartsCoreOption, title: string, colors: ChartColors): EChartsCoreOption {
  const grid = option.grid as { top: number };
  const legend = option.legend as { top?: number; show?: boolean };
  return {
    ...option,
    animation: false,
    title: { text: title, left: 12, top: 8, textStyle: { color: colors.text, fontSize: 14, fontWeight: 600 } },
    grid: { ...grid, top: grid.top + titleHeight },
    legend: legend.show === false ? legend : { ...legend, top: (legend.top ?? 0) + titleHeight },
  };
}
