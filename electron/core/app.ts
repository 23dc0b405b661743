import { join } from 'node:path';
import { createDispatch } from '../../shared/contract/index.ts';
import { openDatabase, workbenchHome } from './db/index.ts';
import { QueryCatalog, scanLibrary } from './library/catalog.ts';
import { migrate, projectMigrations } from './migrate/index.ts';
import { runSeedPipelines, seedDefaultSample } from './seed.ts';
import { runPipeline } from './pipeline/index.ts';
import { createHandlers, mapCoreError } from './rpc/handlers.ts';
import { PipelineWork } from './rpc/pipeline-work.ts';
import { WorkspaceStore } from './workspace/index.ts';
import type { Dispatch } from '../../shared/contract/index.ts';
import type { Database, DatabaseTarget } from './db/index.ts';
import type { QueryRuns } from './query/runs.ts';
import type { SecretCipher } from './workspace/index.ts';

export interface Core {
  db: Database;
  dispatch: Dispatch;
  runs: QueryRuns;
  close(): Promise<void>;
}

export interface CoreOptions {
  target: DatabaseTarget;
  env?: NodeJS.ProcessEnv;
  /** The desktop app passes Electron's safeStorage; the CLI has none. */
  cipher?: SecretCipher;
  /** Where the query library lives (the packaged app passes its resources folder). */
  libraryDir?: string;
  migrationsDir?: string;
  onProgress?: (message: string) => void;
  /** Fill a new, empty database with the default sample (the embedded default's first start). */
  seedSample?: boolean;
}

/**
 * Wires the core once, at start-up, for every host (`workbench serve`, the Electron utility process):
 * opens and migrates the database, loads the library, opens the workspace store, and builds the
 * contract's dispatch over the handlers.
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  const env = options.env ?? process.env;
  const db = await openDatabase(options.target);
  try {
    const migrations = projectMigrations(options.migrationsDir);
    const applied = await migrate(db, migrations, { onApplied: (m) => options.onProgress?.(`applied ${m.name}`) });
    if (applied.applied.length > 0) options.onProgress?.(`database migrated (${applied.applied.length} migrations)`);
    if (options.seedSample) await seedDefaultSample(db, workbenchHome(env), (m) => options.onProgress?.(m));
    const catalog = new QueryCatalog(scanLibrary(options.libraryDir));
    for (const problem of catalog.problems) options.onProgress?.(`library file skipped: ${problem.message}`);
    const store = new WorkspaceStore({
      file: join(workbenchHome(env), 'workspace.sqlite'),
      ...(options.cipher ? { cipher: options.cipher } : {}),
      ...(env.WORKBENCH_SQLITE_BINDING ? { nativeBinding: env.WORKBENCH_SQLITE_BINDING } : {}),
    });
    // One pipeline at a time per process, whether a window or the first start runs it.
    const pipelines = new PipelineWork();
    const handlers = createHandlers({
      db,
      catalog,
      migrations,
      pipelines,
      workspace: store,
      recordRun: (run) =>
        store.addHistory({
          database: db.label,
          sql: run.sql,
          params: run.params,
          querySlug: run.slug ?? null,
          status: run.status,
          rowCount: run.rowCount ?? null,
          durationMs: run.durationMs,
          error: run.error ?? null,
          startedAt: new Date(Date.now() - run.durationMs).toISOString(),
        }),
    });
    const background = options.seedSample
      ? new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
          runSeedPipelines(db, (m) => options.onProgress?.(m), pipelines.tracked('first-start', runPipeline)).catch((error: unknown) =>
            options.onProgress?.(`pipelines on the sample failed: ${error instanceof Error ? error.message : String(error)}`),
          ),
        )
      : Promise.resolve();
    return {
      db,
      dispatch: createDispatch(handlers, mapCoreError),
      runs: handlers.runs,
      async close() {
        handlers.runs.cancelAll();
        // A step in flight finishes (or, if the process is stopped, rolls back and resumes next start).
        await background;
        await pipelines.settled();
        store.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
