import { join } from 'node:path';
import { Command } from 'commander';
import { workbenchHome } from '../../db/index.ts';
import { expandPaths, importFiles } from '../../import/index.ts';
import { migrate, projectMigrations } from '../../migrate/index.ts';
import { dbOptionHelp, withDatabase } from '../context.ts';
import { formatTable } from '../format.ts';
import { ProgressLine } from '../progress.ts';
import type { CliIo } from '../context.ts';

interface ImportFlags {
  db?: string;
  json?: boolean;
  rejectsDir?: string;
}

/** `workbench import DIR_OR_FILES`: each file's kind from its headers, one transaction per file. */
export function importCommand(io: CliIo): Command {
  return new Command('import')
    .description('import raw CRM exports (.csv, .xlsx); the kind of each file is recognised from its headers; a new database is migrated first')
    .argument('<paths...>', 'files, or folders whose .csv/.xlsx files are imported')
    .option('--db <target>', dbOptionHelp)
    .option('--json', 'print {"files":[{"file","kind","rows","imported","rejected","rejects"}]}')
    .option('--rejects-dir <dir>', 'where rejects CSVs are written (default: $WORKBENCH_HOME/rejects)')
    .action(async (paths: string[], flags: ImportFlags) => {
      const files = expandPaths(paths);
      const progress = new ProgressLine(io.stderr, io.interactive && !flags.json);
      const results = await withDatabase(io, flags, async (db) => {
        // A new database is set up first: importing into it implies its schema.
        const migrated = await migrate(db, projectMigrations());
        if (migrated.applied.length > 0) io.stderr(`applied ${migrated.applied.length} pending migration(s) to ${db.label}\n`);
        return importFiles(db, files, {
          rejectsDir: flags.rejectsDir ?? join(workbenchHome(io.env), 'rejects'),
          onProgress: (p) => progress.update(p.file, p.bytesRead ?? p.rows, p.bytesTotal, p.bytesTotal ? 'bytes' : 'rows'),
        });
      });
      progress.clear();
      const failed = results.filter((r) => r.error);
      if (flags.json) {
        io.stdout(`${JSON.stringify({ files: results }, null, 2)}\n`);
      } else {
        io.stdout(
          formatTable(
            ['file', 'kind', 'rows', 'imported', 'rejected', 'inserted', 'updated', 'note'].map((name) => ({
              name,
              type: ['rows', 'imported', 'rejected', 'inserted', 'updated'].includes(name) ? 'int4' : 'text',
              typeOid: 0,
            })),
            results.map((r) => [
              r.file,
              r.kind,
              r.rows,
              r.imported,
              r.rejected,
              r.inserted ?? null,
              r.updated ?? null,
              r.error ?? r.note ?? (r.rejects ? 'see rejects below' : ''),
            ]),
          ),
        );
        for (const r of results) if (r.rejects) io.stdout(`rejects of ${r.file}: ${r.rejects}\n`);
        const rows = results.reduce((n, r) => n + r.rows, 0);
        io.stdout(`${results.length - failed.length} of ${results.length} files imported or already present; ${rows.toLocaleString('en-US')} rows read\n`);
      }
      for (const f of failed) io.stderr(`workbench: ${f.error}\n`);
      if (failed.length > 0) process.exitCode = 1;
    });
}
