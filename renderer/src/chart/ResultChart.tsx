import { useEffect, useMemo, useState } from 'react';
import type { ChartPreset } from '../../../shared/contract/index.ts';
import type { ResultField } from '../../../shared/db.ts';
import type { RunBuffer } from '../lib/runBuffer.ts';
import { useTheme } from '../hooks/theme.tsx';
import { useThrottled } from '../hooks/useThrottled.ts';
import { buildChartOption, withExportTitle } from './chartOption.ts';
import { downloadDataUrl, pngFileName, renderChartPng } from './exportChart.ts';
import { chartPalettes } from './chartColors.ts';
import { planChart } from './chartPlan.ts';
import { echarts } from './echarts.ts';
import type { EChart } from './echarts.ts';

interface ResultChartProps {
  buffer: RunBuffer;
  fields: ResultField[];
  tick: number;
  preset?: ChartPreset;
  title: string;
  /** Receives the PNG export action while a chart is shown, null otherwise. */
  onExport(exportPng: (() => void) | null): void;
}

/** Creates the ECharts instance once its box has a size (ECharts warns on a zero-size box). */
function useEChart(el: HTMLDivElement | null, theme: string): EChart | null {
  const [chart, setChart] = useState<EChart | null>(null);
  useEffect(() => {
    if (!el) return;
    let instance: EChart | null = null;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === 0 || el.clientHeight === 0) return;
      if (!instance) {
        instance = echarts.init(el, theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
        setChart(instance);
      } else instance.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance?.dispose();
      setChart(null);
    };
  }, [el, theme]);
  return chart;
}

/** The result as a chart: the query's preset, else an inferred bar or line chart. */
export function ResultChart({ buffer, fields, tick, preset, title, onExport }: ResultChartProps) {
  const { theme } = useTheme();
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const chart = useEChart(box, theme);
  const plan = useMemo(() => planChart(fields, preset), [fields, preset]);
  // Redrawing thousands of points every page is wasted work; twice a second is live enough.
  const drawTick = useThrottled(tick, 500);
  const colors = chartPalettes[theme];

  const built = useMemo(() => {
    void drawTick; // the buffer grows in place; the tick says when
    return plan.ok ? buildChartOption(plan.spec, fields, buffer.rows, colors) : null;
  }, [plan, fields, buffer, colors, drawTick]);

  useEffect(() => {
    if (chart && built) chart.setOption(built.option, { notMerge: true });
  }, [chart, built]);

  useEffect(() => {
    if (!chart || !built) {
      onExport(null);
      return;
    }
    onExport(() => {
      const size = { width: chart.getWidth(), height: chart.getHeight() };
      downloadDataUrl(renderChartPng(withExportTitle(built.option, title, colors), size, theme, colors.background), pngFileName(title));
    });
    return () => onExport(null);
  }, [chart, built, colors, theme, title, onExport]);

  const notes = plan.ok ? [...plan.spec.notes, ...(built?.notes ?? [])] : [];
  return (
    <div className="result-chart">
      {plan.ok ? (
        <>
          {notes.length > 0 && (
            <p className="chart-notes" role="note">
              {notes.join(' ')}
            </p>
          )}
          <div ref={setBox} className="chart-canvas" role="img" aria-label={`${plan.spec.type === 'bar' ? 'Bar' : 'Line'} chart of ${title}`} />
        </>
      ) : (
        <p className="empty-note">{plan.reason}</p>
      )}
    </div>
  );
}
