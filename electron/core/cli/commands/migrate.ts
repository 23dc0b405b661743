import { Command } from 'commander';
import { migrate, migrationStatus, projectMigrations } from '../../migrate/index.ts';
import { formatTable } from '../format.ts';
import { dbOptionHelp, withDatabase } from '../context.ts';
import type { CliIo } from '../context.ts';

interface MigrateFlags {
  db?: string;
  status?: boolean;
  json?: boolean;
}

export function migrateCommand(io: CliIo): Command {
  return new Command('migrate')
    .description('apply pending schema migrations (or list them with --status)')
    .option('--db <target>', dbOptionHelp)
    .option('--status', 'list applied and pending migrations; change nothing')
    .option('--json', 'print JSON')
    .action(async (flags: MigrateFlags) => {
      const files = projectMigrations();
      await withDatabase(io, flags, async (db) => {
        if (flags.status) {
          const status = await migrationStatus(db, files);
          if (flags.json) {
            io.stdout(
              `${JSON.stringify({
                database: db.label,
                applied: status.applied,
                pending: status.pending.map((f) => ({ id: f.id, name: f.name })),
              })}\n`,
            );
            return;
          }
          const rows = [
            ...status.applied.map((a) => [a.id, a.name, 'applied', a.appliedAt, a.durationMs]),
            ...status.pending.map((p) => [p.id, p.name, 'pending', null, null]),
          ];
          io.stdout(`${db.label}\n`);
          io.stdout(
            formatTable(
              [
                { name: 'id', type: 'int4', typeOid: 23 },
                { name: 'migration', type: 'text', typeOid: 25 },
                { name: 'state', type: 'text', typeOid: 25 },
                { name: 'applied_at', type: 'text', typeOid: 25 },
                { name: 'ms', type: 'int4', typeOid: 23 },
              ],
              rows,
            ),
          );
          io.stdout(`${status.applied.length} applied, ${status.pending.length} pending\n`);
          return;
        }
        const result = await migrate(db, files, {
          onApplied: (m) => {
            if (!flags.json) io.stdout(`applied ${m.name} (${m.durationMs} ms)\n`);
          },
        });
        if (flags.json) {
          io.stdout(`${JSON.stringify({ database: db.label, applied: result.applied, alreadyApplied: result.alreadyApplied })}\n`);
        } else if (result.applied.length === 0) {
          io.stdout(`${db.label}: up to date (${result.alreadyApplied} migrations applied)\n`);
        } else {
          io.stdout(`${db.label}: applied ${result.applied.length} migration(s)\n`);
        }
      });
    });
}
