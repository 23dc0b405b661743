import { z } from 'zod';

/** A bound parameter value: what a user can type into a form or a CLI flag. */
export const ParamValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

export const ResultField = z.object({ name: z.string(), typeOid: z.number().int(), type: z.string() });

const Cell: z.ZodType<unknown> = z.unknown();

export const DbErrorInfo = z.object({
  sqlstate: z.string(),
  message: z.string(),
  position: z.number().int().positive().optional(),
  detail: z.string().optional(),
  hint: z.string().optional(),
});

/** Identifies one run so its pages and its cancel can find it; chosen by the caller. */
export const RunId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'runId: 8–64 letters, digits, _ or -');

export const ChartPreset = z.object({
  type: z.enum(['bar', 'line', 'none']),
  /** Column for the category / time axis. */
  x: z.string().optional(),
  /** Columns plotted as series. */
  y: z.array(z.string()).optional(),
});

/** The types a library parameter may have (docs/query-library.md). */
export const paramTypes = ['date', 'daterange', 'integer', 'number', 'text', 'boolean', 'branch', 'sales_person', 'lead_source'] as const;
export const ParamType = z.enum(paramTypes);

/** The lookup tables a parameter can pick from; each has an id and a name. */
export const lookupKinds = ['branch', 'sales_person', 'lead_source'] as const;
export const LookupKind = z.enum(lookupKinds);

/**
 * A parameter declared in a library file's header. `default` is in the canonical form of its type:
 * date 'YYYY-MM-DD', daterange 'YYYY-MM-DD..YYYY-MM-DD', integer/number a number, text a string,
 * boolean a boolean, a lookup an id or null (all).
 * @example { name: 'period', type: 'daterange', default: '2019-01-01..2025-12-31', label: 'Job dates' }
 */
export const LibraryParam = z.object({ name: z.string(), type: ParamType, default: ParamValue, label: z.string() });

/** How the app shows a result column. `percent` expects a fraction: 0.253 shows as 25.3 %. */
export const columnFormats = ['currency', 'percent', 'date', 'integer', 'number'] as const;
export const ColumnFormat = z.enum(columnFormats);

/**
 * A saved query of the library, parsed from `sql/queries/<category>/<slug>.sql`. `sql` is the whole
 * file as written (header and `:name` placeholders included): what the editor shows.
 * @example { slug: 'revenue-by-month', name: 'Revenue by month', category: 'Analytics', tags: ['revenue'],
 *   params: [{ name: 'branch', type: 'branch', default: null, label: 'Branch' }], chart: { type: 'line', x: 'month', y: ['revenue'] },
 *   formats: { revenue: 'currency' }, file: 'analytics/revenue-by-month.sql', description: '…', sql: '-- name: …' }
 */
export const LibraryQuery = z.object({
  slug: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  params: z.array(LibraryParam),
  chart: ChartPreset,
  formats: z.record(z.string(), ColumnFormat),
  /** Path under the library folder, e.g. `analytics/revenue-by-month.sql`. */
  file: z.string(),
  sql: z.string(),
});

/**
 * A library file that could not be read; the rest of the library still loads.
 * @example { file: 'analytics/x.sql', line: 4, message: 'analytics/x.sql:4: unknown header field "titel"' }
 */
export const LibraryProblem = z.object({ file: z.string(), line: z.number().int().optional(), message: z.string() });

/**
 * One row of a lookup table offered as a parameter value.
 * @example { id: 3, name: 'Denver' }
 */
export const LookupChoice = z.object({ id: z.number().int(), name: z.string() });

export const QueryPage = z.object({
  runId: RunId,
  fields: z.array(ResultField),
  rows: z.array(z.array(Cell)),
  offset: z.number().int().nonnegative(),
});

export type ParamValue = z.infer<typeof ParamValue>;
export type ChartPreset = z.infer<typeof ChartPreset>;
export type ParamType = z.infer<typeof ParamType>;
export type LookupKind = z.infer<typeof LookupKind>;
export type LibraryParam = z.infer<typeof LibraryParam>;
export type ColumnFormat = z.infer<typeof ColumnFormat>;
export type LibraryQuery = z.infer<typeof LibraryQuery>;
export type LibraryProblem = z.infer<typeof LibraryProblem>;
export type LookupChoice = z.infer<typeof LookupChoice>;
export type QueryPage = z.infer<typeof QueryPage>;
