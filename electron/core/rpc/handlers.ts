import { DbError } from '../db/index.ts';
import { migrationStatus } from '../migrate/index.ts';
import { QueryNotFoundError } from '../library/catalog.ts';
import { isCancellation, QueryRuns, RunBusyError } from '../query/runs.ts';
import type { Database } from '../db/index.ts';
import type { MigrationFile } from '../migrate/index.ts';
import type { QueryCatalog } from '../library/catalog.ts';
import type { ContractError, Handlers } from '../../../shared/contract/index.ts';

export interface CoreServices {
  db: Database;
  catalog: QueryCatalog;
  migrations: MigrationFile[];
  /** Records a finished run (the workspace store's history); optional. */
  recordRun?: (entry: { sql: string; params: unknown[]; slug?: string; status: 'ok' | 'error' | 'cancelled'; rowCount?: number; durationMs: number; error?: string }) => void;
}

/** Every contract method's implementation over the core's services. */
export function createHandlers(services: CoreServices): Handlers & { runs: QueryRuns } {
  const { db, catalog } = services;
  const runs = new QueryRuns(db);
  return {
    runs,
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
      try {
        const result = await runs.run(args, (page) => context.emit('query/page', page));
        services.recordRun?.({ sql: args.sql, params: args.params, ...(args.slug ? { slug: args.slug } : {}), status: 'ok', rowCount: result.rowCount, durationMs: result.elapsedMs });
        return result;
      } catch (error) {
        const status = isCancellation(error) ? 'cancelled' : 'error';
        services.recordRun?.({
          sql: args.sql,
          params: args.params,
          ...(args.slug ? { slug: args.slug } : {}),
          status,
          durationMs: Math.round(performance.now() - started),
          error: error instanceof Error ? error.message : String(error),
        });
        throw error;
      }
    },
    'query/cancel': async ({ runId }) => ({ cancelled: runs.cancel(runId) }),
    'library/list': async () => ({
      queries: catalog.queries.map(({ slug, name, category, description, chart }) => ({ slug, name, category, description, ...(chart ? { chart } : {}) })),
    }),
    'library/get': async ({ slug }) => catalog.get(slug),
  };
}

/** Maps the core's errors to contract errors. */
export function mapCoreError(error: unknown): ContractError {
  if (isCancellation(error)) return { code: 'cancelled', message: 'cancelled by the user' };
  if (error instanceof DbError) return { code: 'database', message: error.message, detail: error.toInfo() };
  if (error instanceof QueryNotFoundError) return { code: 'not_found', message: error.message };
  if (error instanceof RunBusyError) return { code: 'busy', message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
