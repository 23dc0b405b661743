import { fileURLToPath } from 'node:url';
import { loadMigrationFiles } from './files.ts';

export { loadMigrationFiles, checksumOf, MigrationFileError } from './files.ts';
export type { MigrationFile } from './files.ts';
export { migrate, migrationStatus, verifyHistory, MigrationHistoryError, MigrationFailedError } from './migrator.ts';
export type { AppliedMigration, MigrateResult, MigrationStatus, MigrateOptions } from './migrator.ts';

/** The project's migrations/ folder. */
export const migrationsDirectory = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export function projectMigrations(directory: string = migrationsDirectory) {
  return loadMigrationFiles(directory);
}
