import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A forward-only migration file: `NNNN_name.sql`. */
export interface MigrationFile {
  id: number;
  name: string;
  sql: string;
  /** sha256 of the text with line endings normalized, so a checkout with CRLF does not look edited. */
  checksum: string;
}

const fileNamePattern = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export class MigrationFileError extends Error {
  override readonly name = 'MigrationFileError';
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Reads and orders the migration files of a folder; rejects stray names, gaps and duplicate numbers. */
export function loadMigrationFiles(directory: string): MigrationFile[] {
  const files: MigrationFile[] = [];
  for (const entry of readdirSync(directory).sort()) {
    if (!entry.endsWith('.sql')) continue;
    const match = fileNamePattern.exec(entry);
    if (!match) {
      throw new MigrationFileError(`${join(directory, entry)}: migration files are named NNNN_lowercase_name.sql`);
    }
    const sql = readFileSync(join(directory, entry), 'utf8');
    files.push({ id: Number(match[1]), name: entry, sql, checksum: checksumOf(sql) });
  }
  files.forEach((file, index) => {
    if (file.id !== index + 1) {
      throw new MigrationFileError(
        `${join(directory, file.name)}: expected migration number ${String(index + 1).padStart(4, '0')} (numbers start at 0001 with no gaps or repeats)`,
      );
    }
  });
  return files;
}
