export { openDatabase } from './open.ts';
export type { OpenOptions } from './open.ts';
export { PgDatabase } from './database.ts';
export type { Database, ReadableDatabase, ReadOptions, StreamOptions, SessionRunner, SqlRunner } from './database.ts';
export { DbError, WorkbenchSqlState, toDbError } from './errors.ts';
export { resolveTarget, describeTarget, redactUrl, workbenchHome, TargetError } from './target.ts';
export type { DatabaseTarget } from './target.ts';
export type { Engine } from './driver.ts';
