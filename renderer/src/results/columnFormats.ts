import type { ColumnFormat } from '../../../shared/contract/index.ts';
import { cellToNumber, formatCell } from '../lib/pgTypes.ts';

const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const datePrefix = /^\d{4}-\d{2}-\d{2}/;

/**
 * A cell as a library query's column format shows it (docs/query-library.md, `format:`). Values the
 * format does not fit (null, text in a currency column) show as the grid shows them anyway.
 * @example formatColumnValue('currency', '1234.5') → '$1,234.50'
 * @example formatColumnValue('percent', 0.253) → '25.3%'
 */
export function formatColumnValue(format: ColumnFormat | undefined, value: unknown): string {
  if (format === undefined || value === null || value === undefined) return formatCell(value);
  if (format === 'date') return typeof value === 'string' && datePrefix.test(value) ? value.slice(0, 10) : formatCell(value);
  const n = cellToNumber(value);
  if (n === null) return formatCell(value);
  switch (format) {
    case 'currency':
      return currency.format(n);
    case 'percent':
      return percent.format(n);
    case 'integer':
      return integer.format(n);
    case 'number':
      return number.format(n);
  }
}

/** Formats that make a column read as a number (right-aligned, numeric sort), whatever its SQL type. */
export function isNumericFormat(format: ColumnFormat | undefined): boolean {
  return format === 'currency' || format === 'percent' || format === 'integer' || format === 'number';
}
