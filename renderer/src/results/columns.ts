import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { ColumnFormat } from '../../../shared/contract/index.ts';
import type { ResultField } from '../../../shared/db.ts';
import { cellToNumber, formatCell, isNumericType } from '../lib/pgTypes.ts';
import type { ResultRow } from '../lib/runBuffer.ts';
import { formatColumnValue, isNumericFormat } from './columnFormats.ts';

const numberOrder = (a: unknown, b: unknown) => {
  const x = cellToNumber(a);
  const y = cellToNumber(b);
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  return x - y;
};

const format = (p: ValueFormatterParams<ResultRow>) => formatCell(p.value);

/**
 * Grid columns for a result: a pinned row number, then one column per field, addressed by index (a
 * result may repeat a name). Numbers align right and sort as numbers, also when sent as exact strings.
 * A library query's column formats (currency, percent, date…) change how a column's cells read, never
 * their values: sorting, filtering and copying use the values.
 */
export function resultColumns(fields: readonly ResultField[], formats: Readonly<Record<string, ColumnFormat>> = {}): ColDef<ResultRow>[] {
  if (fields.length === 0) return [];
  const rowNumber: ColDef<ResultRow> = {
    colId: '__row',
    headerName: '#',
    valueGetter: (p) => p.data?.n,
    pinned: 'left',
    width: 56,
    minWidth: 44,
    maxWidth: 96,
    sortable: false,
    filter: false,
    resizable: true,
    suppressMovable: true,
    suppressHeaderMenuButton: true,
    type: 'rightAligned',
    cellClass: ['ag-right-aligned-cell', 'grid-row-number'],
  };
  const columns = fields.map((field, i): ColDef<ResultRow> => {
    const columnFormat = Object.hasOwn(formats, field.name) ? formats[field.name] : undefined;
    const numeric = isNumericType(field.type) || isNumericFormat(columnFormat);
    return {
      colId: `c${i}`,
      headerName: field.name,
      headerTooltip: `${field.name} — ${field.type}${columnFormat ? `, shown as ${columnFormat}` : ''}`,
      valueGetter: (p) => p.data?.v[i],
      valueFormatter: columnFormat ? (p: ValueFormatterParams<ResultRow>) => formatColumnValue(columnFormat, p.value) : format,
      cellDataType: false,
      ...(numeric
        ? { type: 'rightAligned', comparator: numberOrder, filter: 'agNumberColumnFilter', filterValueGetter: (p) => cellToNumber(p.data?.v[i]) }
        : { filter: 'agTextColumnFilter' }),
      cellClassRules: { 'grid-null': (p) => p.value === null || p.value === undefined },
    };
  });
  return [rowNumber, ...columns];
}
