import { once } from 'node:events';
import { createWriteStream, mkdirSync, readdirSync, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { basename, join, resolve } from 'node:path';
import { csvCopyLine } from '../db/copy.ts';
import { ImportFileError } from './errors.ts';
import { inspectFile, openSource } from './file-source.ts';
import { loadFile } from './load.ts';
import type { Database } from '../db/index.ts';
import type { LoadPhase } from './load.ts';
import type { SourceKind } from './sources.ts';

export interface ImportProgress {
  file: string;
  /** Rows read so far in this file. */
  rows: number;
  /** Bytes read of a CSV file, and its size, for a percentage. */
  bytesRead?: number;
  bytesTotal?: number;
}

/** The outcome for one file, as `workbench import --json` prints it. */
export interface FileImport {
  file: string;
  kind: SourceKind | null;
  rows: number;
  imported: number;
  rejected: number;
  /** Path of the rejects CSV (file, row, column, reason, raw), or null when nothing was rejected. */
  rejects: string | null;
  inserted?: number;
  updated?: number;
  unchanged?: number;
  batchId?: number;
  /** True when the same bytes were imported before: nothing was done. */
  skipped?: boolean;
  note?: string;
  /** Set when the file could not be imported at all; the database was left as it was. */
  error?: string;
}

export interface ImportOptions {
  /** Where rejects CSVs go. */
  rejectsDir: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Time spent in each phase of a file's load (benchmarks). */
  onPhase?: (file: string, phase: LoadPhase, ms: number) => void;
}

const importable = /\.(csv|txt|tsv|xlsx|xls)$/i;

/** Expands folders to the export files they hold (not their truth/ subfolder or other folders). */
export function expandPaths(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new ImportFileError(p, 'no such file or folder');
    }
    if (stat.isDirectory()) {
      const entries = readdirSync(full)
        .filter((e) => importable.test(e) && !e.endsWith('.rejects.csv'))
        .sort();
      if (entries.length === 0) throw new ImportFileError(p, 'the folder holds no .csv or .xlsx files');
      for (const e of entries) {
        if (statSync(join(full, e)).isFile()) files.push(join(full, e));
      }
    } else {
      files.push(full);
    }
  }
  return files;
}

/** Writes the batch's rejects, as recorded in import_reject, to a CSV beside the other rejects. */
async function writeRejects(db: Database, dir: string, batchId: number, file: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${batchId}-${basename(file)}.rejects.csv`);
  const out = createWriteStream(path);
  out.write(csvCopyLine(['file', 'row', 'column', 'reason', 'raw']));
  for await (const page of db.stream(
    'select row_number, column_name, reason, raw_row::text from import_reject where import_batch_id = $1 order by row_number',
    [batchId],
  )) {
    for (const [row, column, reason, raw] of page.rows) {
      if (!out.write(csvCopyLine([basename(file), String(row), column === null ? null : String(column), String(reason), String(raw)]))) await once(out, 'drain');
    }
  }
  out.end();
  await finished(out);
  return path;
}

/**
 * Imports raw exports, one transaction per file: a file either loads completely (every row imported
 * or rejected with its reason) or, on a whole-file error, leaves the database exactly as it was.
 */
export async function importFiles(db: Database, files: string[], options: ImportOptions): Promise<FileImport[]> {
  const results: FileImport[] = [];
  for (const file of files) {
    const label = basename(file);
    try {
      const facts = await inspectFile(file);
      const previous = await db.read(
        `select import_batch_id, source_kind, row_count, imported_count, rejected_count, to_char(finished_at, 'YYYY-MM-DD HH24:MI')
           from import_batch where content_sha256 = $1 and status = 'completed'`,
        [facts.sha256],
      );
      const [batchId, kind, rows, imported, rejected, when] = previous.rows[0] ?? [];
      if (batchId !== undefined) {
        results.push({
          file: label,
          kind: kind as SourceKind,
          rows: Number(rows),
          imported: Number(imported),
          rejected: Number(rejected),
          rejects: null,
          batchId: Number(batchId),
          skipped: true,
          note: `already imported as batch ${Number(batchId)} on ${String(when)}: nothing to do`,
        });
        continue;
      }
      let bytesRead = 0;
      const counts = await db.write(async (tx) => {
        const source = await openSource(facts, (n) => (bytesRead += n));
        return loadFile(tx, facts, source, {
          onRows: (n) => options.onProgress?.({ file: label, rows: n, ...(facts.format === 'csv' ? { bytesRead, bytesTotal: facts.bytes } : {}) }),
          onPhase: (phase, ms) => options.onPhase?.(label, phase, ms),
          onBytes: (n) => (bytesRead += n),
          // PGlite takes COPY input as whole in-memory blobs, so only the server streams raw bytes.
          rawCopy: db.engine === 'server',
        });
      });
      results.push({
        file: label,
        kind: counts.kind,
        rows: counts.rows,
        imported: counts.imported,
        rejected: counts.rejected,
        rejects: counts.rejected > 0 ? await writeRejects(db, options.rejectsDir, counts.batchId, file) : null,
        inserted: counts.inserted,
        updated: counts.updated,
        unchanged: counts.unchanged,
        batchId: counts.batchId,
      });
    } catch (error) {
      if (!(error instanceof ImportFileError)) {
        const message = error instanceof Error ? error.message : String(error);
        results.push({ file: label, kind: null, rows: 0, imported: 0, rejected: 0, rejects: null, error: `${label}: ${message}` });
        continue;
      }
      results.push({ file: label, kind: null, rows: 0, imported: 0, rejected: 0, rejects: null, error: error.message });
    }
  }
  return results;
}
