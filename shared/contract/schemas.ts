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

export const LibraryQuerySummary = z.object({
  slug: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  chart: ChartPreset.optional(),
});

export const LibraryQuery = LibraryQuerySummary.extend({ sql: z.string() });

export const QueryPage = z.object({
  runId: RunId,
  fields: z.array(ResultField),
  rows: z.array(z.array(Cell)),
  offset: z.number().int().nonnegative(),
});

export type ParamValue = z.infer<typeof ParamValue>;
export type ChartPreset = z.infer<typeof ChartPreset>;
export type LibraryQuerySummary = z.infer<typeof LibraryQuerySummary>;
export type LibraryQuery = z.infer<typeof LibraryQuery>;
export type QueryPage = z.infer<typeof QueryPage>;
