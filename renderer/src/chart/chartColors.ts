import type { ThemeName } from '../hooks/theme.tsx';
import type { ChartColors } from './chartOption.ts';

/**
 * The chart's colours per theme, the same values as styles/theme.css. Kept here rather than read
 * from the CSS variables: a chart re-rendered for a theme switch renders before <html> gets the new
 * `data-theme`, and would read the old theme's colours.
 */
export const chartPalettes: Record<ThemeName, ChartColors & { background: string }> = {
  light: {
    text: '#1f2328',
    muted: '#626a75',
    axisLine: '#c9ced6',
    splitLine: '#e4e7eb',
    tooltipBackground: '#ffffff',
    tooltipBorder: '#c9ced6',
    background: '#ffffff',
    series: ['#2563eb', '#e8710a', '#12a150', '#c2185b', '#7b4dd6', '#0b9fae', '#b08800', '#6b7280'],
  },
  dark: {
    text: '#dcdfe4',
    muted: '#9ba1ab',
    axisLine: '#4a4d54',
    splitLine: '#34363b',
    tooltipBackground: '#2b2d31',
    tooltipBorder: '#4a4d54',
    background: '#1e1f22',
    series: ['#5b8def', '#f0913a', '#3cbf74', '#e0558a', '#a07ef0', '#35c2d0', '#d9b34a', '#9aa1ab'],
  },
};
