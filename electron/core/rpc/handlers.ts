import { DbError } from '../db/index.ts';
import { migrationStatus } from '../migrate/index.ts';
import { listChoices } from '../library/choices.ts';
import { ParamValueError, QueryNotFoundError } from '../library/errors.ts';
import { resolveParamValues } from '../library/values.ts';
import { prepareLibraryStatement } from '../query/library-run.ts';
import { isCancellation, QueryRuns, RunBusyError } from '../query/runs.ts';
import { PipelineBusyError, PipelineCancelledError, UnknownStepError } from '../pipeline/index.ts';
import { createPipelineHandlers } from './pipeline-handlers.ts';
import { PipelineStepError, PipelineWork } from './pipeline-work.ts';
import type { Database } from '../db/index.ts';
import type { MigrationFile } from '../migrate/index.ts';
import type { QueryCatalog } from '../library/catalog.ts';
import type { PreparedStatement } from '../query/library-run.ts';
import type { HistoryEntry } from '../workspace/index.ts';
import type { ContractError, Handlers, ParsedArgs } from '../../../shared/contract/index.ts';

/** The slice of the workspace store the handlers use (favourites and the history's library runs). */
export interface WorkspaceAccess {
  setFavourite(slug: string, on: boolean): void;
  listFavourites(): string[];
  listHistory(limit?: number): Pick<HistoryEntry, 'querySlug'>[];
}

export interface CoreServices {
  db: Database;
  catalog: QueryCatalog;
  migrations: MigrationFile[];
  /** Favourites and history; without it (tests) favourites are empty and cannot be set. */
  workspace?: WorkspaceAccess;
  /** Records a finished run (the workspace store's history); optional. */
  recordRun?: (entry: { sql: string; params: unknown[]; slug?: string; status: 'ok' | 'error' | 'cancelled'; rowCount?: number; durationMs: number; error?: string }) => void;
  /** The process's pipeline work (shared with the first start's background run); made here when absent. */
  pipelines?: PipelineWork;
}

/** How many library queries the "Recent" group shows. */
const recentLimit = 8;

/**
 * What `query/run` asked for, as a statement for the read path: ad-hoc SQL as it is, or a library
 * query (or the user's edit of it) with its named parameters checked and bound.
 */
export function statementFor(args: ParsedArgs<'query/run'>, catalog: QueryCatalog): PreparedStatement {
  const named = args.params !== undefined && !Array.isArray(args.params);
  if (args.sql !== undefined && !named) return { sql: args.sql, params: Array.isArray(args.params) ? args.params : [] };
  const query = catalog.get(args.slug ?? '');
  const values = resolveParamValues(query, named ? (args.params as Record<string, unknown>) : {});
  return prepareLibraryStatement(query, values, args.sql ?? query.sql);
}

/** Every contract method's implementation over the core's services. */
export function createHandlers(services: CoreServices): Handlers & { runs: QueryRuns; pipelines: PipelineWork } {
  const { db, catalog, workspace } = services;
  const runs = new QueryRuns(db);
  const pipelines = services.pipelines ?? new PipelineWork();
  const favourites = () => {
    const known = new Set(catalog.queries.map((q) => q.slug));
    return (workspace?.listFavourites() ?? []).filter((slug) => known.has(slug));
  };
  return {
    runs,
    pipelines,
    ...createPipelineHandlers({ db, work: pipelines }),
    'db/info': async () => {
      const version = await db.read('show server_version');
      const status = await migrationStatus(db, services.migrations);
      return {
        engine: db.engine,
        label: db.label,
        serverVersion: String(version.rows[0]?.[0] ?? ''),
        migrations: { applied: status.applied.length, pending: status.pending.length },
      };
    },
    'query/run': async (args, context) => {
      const started = performance.now();
      const statement = statementFor(args, catalog);
      const record = { sql: statement.sql, params: statement.params, ...(args.slug ? { slug: args.slug } : {}) };
      try {
        const { runId, pageSize, maxRows, timeoutMs } = args;
        const result = await runs.run({ runId, statement, pageSize, maxRows, ...(timeoutMs === undefined ? {} : { timeoutMs }) }, (page) => context.emit('query/page', page));
        services.recordRun?.({ ...record, status: 'ok', rowCount: result.rowCount, durationMs: result.elapsedMs });
        return result;
      } catch (error) {
        services.recordRun?.({
          ...record,
          status: isCancellation(error) ? 'cancelled' : 'error',
          durationMs: Math.round(performance.now() - started),
          error: error instanceof Error ? error.message : String(error),
        });
        throw error;
      }
    },
    'query/cancel': async ({ runId }) => ({ cancelled: runs.cancel(runId) }),
    'library/list': async () => ({ queries: [...catalog.queries], problems: [...catalog.problems] }),
    'library/get': async ({ slug }) => catalog.get(slug),
    'library/choices': async ({ kind }) => ({ kind, choices: await listChoices(db, kind) }),
    'library/favourites': async () => {
      const known = new Set(catalog.queries.map((q) => q.slug));
      const recent: string[] = [];
      for (const entry of workspace?.listHistory(200) ?? []) {
        const slug = entry.querySlug;
        if (slug && known.has(slug) && !recent.includes(slug)) recent.push(slug);
        if (recent.length === recentLimit) break;
      }
      return { favourites: favourites(), recent };
    },
    'library/setFavourite': async ({ slug, favourite }) => {
      if (!workspace) throw new Error('favourites need the workspace store, which this host has not opened');
      if (favourite) catalog.get(slug);
      workspace.setFavourite(slug, favourite);
      return { favourites: favourites() };
    },
  };
}

/** Maps the core's errors to contract errors. */
export function mapCoreError(error: unknown): ContractError {
  if (isCancellation(error)) return { code: 'cancelled', message: 'cancelled by the user' };
  if (error instanceof DbError) return { code: 'database', message: error.message, detail: error.toInfo() };
  if (error instanceof QueryNotFoundError) return { code: 'not_found', message: error.message };
  if (error instanceof ParamValueError) return { code: 'invalid_arguments', message: error.message };
  if (error instanceof RunBusyError) return { code: 'busy', message: error.message };
  if (error instanceof PipelineBusyError) return { code: 'busy', message: error.message };
  if (error instanceof UnknownStepError) return { code: 'invalid_arguments', message: error.message };
  if (error instanceof PipelineCancelledError) return { code: 'cancelled', message: error.message };
  if (error instanceof PipelineStepError) {
    if (error.cause instanceof PipelineCancelledError) return { code: 'cancelled', message: error.message, detail: error.failure };
    return { code: error.cause instanceof DbError ? 'database' : 'internal', message: error.message, detail: error.failure };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
