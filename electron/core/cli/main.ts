import { Command, CommanderError } from 'commander';
import { importCommand } from './commands/import.ts';
import { migrateCommand } from './commands/migrate.ts';
import { pipelineCommand } from './commands/pipeline.ts';
import { queryCommand } from './commands/query.ts';
import { reviewCommand } from './commands/review.ts';
import { sampleCommand } from './commands/sample.ts';
import { serveCommand } from './commands/serve.ts';
import { sqlCommand } from './commands/sql.ts';
import { processIo } from './context.ts';
import { reportError } from './errors.ts';
import type { CliIo } from './context.ts';

/** Runs the `workbench` CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let statement: string | undefined;
  const program = new Command('workbench')
    .description('Data Analytics Workbench: a moving company\'s CRM data in PostgreSQL, without a window')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');
  program.addCommand(migrateCommand(io));
  program.addCommand(sqlCommand(io, (sql) => (statement = sql)));
  program.addCommand(sampleCommand(io));
  program.addCommand(importCommand(io));
  program.addCommand(pipelineCommand(io));
  program.addCommand(queryCommand(io));
  program.addCommand(reviewCommand(io));
  program.addCommand(serveCommand(io));
  const quiet = (command: Command): void => {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    command.commands.forEach(quiet);
  };
  program.commands.forEach(quiet);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    return reportError(error, io.stderr, statement === undefined ? {} : { sql: statement });
  }
}
