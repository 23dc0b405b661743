import { z } from 'zod';
import type { contractEventNames, contractMethodNames } from './names.ts';
import { pipelineEvents, pipelineMethods } from './pipeline.ts';
import { LibraryProblem, LibraryQuery, LookupChoice, LookupKind, ParamValue, QueryPage, ResultField, RunId } from './schemas.ts';

/**
 * The one typed API between the renderer and the core, grouped by domain ('domain/verb').
 * Each method has a zod schema for its arguments and its result; `Handlers` makes a method without a
 * handler a compile error, and the transports (Electron IPC, HTTP + WebSocket) validate every call.
 *
 * @example
 *   const r = await client.call('query/run', { runId: 'r1abcdefg', sql: 'select 1' });
 *   if (r.ok) console.log(r.value.rowCount);
 */
export const methods = {
  /** Which database the core is connected to. */
  'db/info': {
    args: z.object({}).strict(),
    result: z.object({
      engine: z.enum(['embedded', 'server']),
      label: z.string(),
      serverVersion: z.string(),
      migrations: z.object({ applied: z.number().int(), pending: z.number().int() }),
    }),
  },
  /**
   * Runs one read-only statement, either ad-hoc SQL (`sql` with positional `params` for $1, $2…) or a
   * library query (`slug` with named `params`, bound on the core's side; add `sql` to run the user's
   * edited copy of its text with the same parameters). Pages arrive as 'query/page' events while it
   * runs; the call resolves when the last page was sent, when `maxRows` was reached, or rejects when
   * cancelled. Error positions point into the text the user sees (the library file for a library query).
   * @example { runId: 'r1abcdefg', sql: 'select $1::int + 1', params: [41] }
   * @example { runId: 'r1abcdefg', slug: 'revenue-by-month', params: { period: '2024-01-01..2024-12-31', branch: null } }
   */
  'query/run': {
    args: z
      .object({
        runId: RunId,
        sql: z.string().min(1, 'sql: empty statement').max(1_000_000, 'sql: longer than 1,000,000 characters').optional(),
        params: z.union([z.array(ParamValue).max(100), z.record(z.string().max(100), ParamValue)]).optional(),
        pageSize: z.number().int().min(1).max(10_000).default(500),
        maxRows: z.number().int().min(1).max(1_000_000).default(100_000),
        timeoutMs: z.number().int().min(0).max(3_600_000).optional(),
        /** The library query to run (named params), or the one ad-hoc SQL came from (for history). */
        slug: z.string().min(1).max(200).optional(),
      })
      .strict()
      .superRefine((args, context) => {
        const named = args.params !== undefined && !Array.isArray(args.params);
        if (args.sql === undefined && args.slug === undefined) context.addIssue({ code: 'custom', path: ['sql'], message: 'sql: give sql, or the slug of a library query' });
        else if (named && args.slug === undefined) context.addIssue({ code: 'custom', path: ['params'], message: 'params: named parameters need the slug of a library query' });
        else if (args.sql === undefined && Array.isArray(args.params)) context.addIssue({ code: 'custom', path: ['params'], message: 'params: a library query takes named parameters ({ name: value })' });
      }),
    result: z.object({
      runId: RunId,
      fields: z.array(ResultField),
      rowCount: z.number().int(),
      elapsedMs: z.number(),
      /** True when maxRows stopped the run before the end of the result. */
      truncated: z.boolean(),
    }),
  },
  /** Cancels a run: the server stops the statement; the embedded engine stops at the next page. */
  'query/cancel': {
    args: z.object({ runId: RunId }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  },
  /**
   * The saved queries under sql/queries/ with their parameters, tags, chart presets and column
   * formats, in category order; `problems` lists files that break the format (they are left out).
   */
  'library/list': {
    args: z.object({}).strict(),
    result: z.object({ queries: z.array(LibraryQuery), problems: z.array(LibraryProblem) }),
  },
  'library/get': {
    args: z.object({ slug: z.string().min(1).max(200) }).strict(),
    result: LibraryQuery,
  },
  /**
   * The values a lookup parameter (branch, lead_source, sales_person) can take: the rows of its table.
   * @example { kind: 'branch' } → { kind: 'branch', choices: [{ id: 1, name: 'Denver' }] }
   */
  'library/choices': {
    args: z.object({ kind: LookupKind }).strict(),
    result: z.object({ kind: LookupKind, choices: z.array(LookupChoice) }),
  },
  /**
   * The user's favourite library queries and the ones run most recently (newest first), from the
   * workspace store.
   * @example {} → { favourites: ['revenue-by-month'], recent: ['jobs-by-branch', 'revenue-by-month'] }
   */
  'library/favourites': {
    args: z.object({}).strict(),
    result: z.object({ favourites: z.array(z.string()), recent: z.array(z.string()) }),
  },
  /**
   * Marks a library query as a favourite or not; answers with the new list.
   * @example { slug: 'revenue-by-month', favourite: true } → { favourites: ['revenue-by-month'] }
   */
  'library/setFavourite': {
    args: z.object({ slug: z.string().min(1).max(200), favourite: z.boolean() }).strict(),
    result: z.object({ favourites: z.array(z.string()) }),
  },
  ...pipelineMethods,
} as const;

/** Events the core pushes to the renderer while work runs. */
export const events = {
  'query/page': QueryPage,
  ...pipelineEvents,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['result']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

// The preload's zod-free name lists must match the schemas exactly, in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodNamesMatch: Same<(typeof contractMethodNames)[number], MethodName> = true;
const eventNamesMatch: Same<(typeof contractEventNames)[number], EventName> = true;
void methodNamesMatch;
void eventNamesMatch;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

/** What a handler knows about its caller. */
export interface CallContext {
  /** Sends an event to the caller that made this call. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** One handler per method; a missing one does not compile. */
export type Handlers = { [M in MethodName]: (args: ParsedArgs<M>, context: CallContext) => Promise<MethodResult<M>> };

