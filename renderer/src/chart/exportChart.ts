import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './echarts.ts';

/**
 * Renders `option` into a throwaway chart of the given size, off screen, and returns it as a PNG data
 * URL at twice the resolution. The chart on screen is left alone, so exporting never makes it flicker
 * or replay its animation.
 */
export function renderChartPng(option: EChartsCoreOption, size: { width: number; height: number }, theme: 'light' | 'dark', background: string): string {
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-100000px;top:0;width:${size.width}px;height:${size.height}px;`;
  document.body.append(host);
  const chart = echarts.init(host, theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
  try {
    chart.setOption(option);
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background });
  } finally {
    chart.dispose();
    host.remove();
  }
}

/** Saves a data URL as a file through an `<a download>`. */
export function downloadDataUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
}

/** "Revenue by month" → "revenue-by-month.png". */
export function pngFileName(title: string): string {
  return `${title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'chart'}.png`;
}
