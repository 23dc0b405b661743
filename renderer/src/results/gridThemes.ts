import { AllCommunityModule, ModuleRegistry, colorSchemeDark, colorSchemeLight, themeQuartz } from 'ag-grid-community';
import type { Theme } from 'ag-grid-community';
import type { ThemeName } from '../hooks/theme.tsx';

ModuleRegistry.registerModules([AllCommunityModule]);

// Dense, like a database tool: small type, tight rows, hairline borders, no wrapper chrome.
const dense = {
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  cellFontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  fontSize: 12,
  headerFontSize: 12,
  headerFontWeight: 600,
  spacing: 4,
  rowHeight: 24,
  headerHeight: 28,
  cellHorizontalPadding: 8,
  wrapperBorder: false,
  wrapperBorderRadius: 0,
  borderRadius: 2,
  columnBorder: true,
  headerColumnBorder: true,
} as const;

/** The grid's themes, matched to styles/theme.css. */
export const gridThemes: Record<ThemeName, Theme> = {
  light: themeQuartz.withPart(colorSchemeLight).withParams({
    ...dense,
    backgroundColor: '#ffffff',
    foregroundColor: '#1f2328',
    accentColor: '#2563eb',
    borderColor: '#e4e7eb',
    headerBackgroundColor: '#f5f6f8',
    oddRowBackgroundColor: '#fafbfc',
    rowHoverColor: '#eef3fd',
  }),
  dark: themeQuartz.withPart(colorSchemeDark).withParams({
    ...dense,
    backgroundColor: '#1e1f22',
    foregroundColor: '#dcdfe4',
    accentColor: '#5b8def',
    borderColor: '#34363b',
    headerBackgroundColor: '#26282c',
    oddRowBackgroundColor: '#212226',
    rowHoverColor: '#2a3140',
  }),
};
