import { Command, InvalidArgumentError } from 'commander';
import { writeResult } from '../format.ts';
import { dbOptionHelp, withDatabase } from '../context.ts';
import type { CliIo } from '../context.ts';

interface SqlFlags {
  db?: string;
  json?: boolean;
  csv?: boolean;
  param: string[];
  timeout?: number;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number of milliseconds');
  return n;
}

/** `workbench sql "<statement>"`: one read-only statement; output streams page by page. */
export function sqlCommand(io: CliIo, onStatement: (sql: string) => void): Command {
  return new Command('sql')
    .description('run one read-only statement (SELECT, WITH, VALUES, TABLE, EXPLAIN, SHOW)')
    .argument('<statement>', 'the SQL text; use $1, $2… with --param for values')
    .option('--db <target>', dbOptionHelp)
    .option('--json', 'print {"fields":[…],"rows":[[…]…],"rowCount":N} (streamed)')
    .option('--csv', 'print CSV with a header row (streamed)')
    .option('-p, --param <value>', 'a value for $1, $2… in order (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--timeout <ms>', 'statement timeout in milliseconds (0: none)', positiveInt)
    .action(async (statement: string, flags: SqlFlags) => {
      onStatement(statement);
      await withDatabase(io, flags, async (db) => {
        const options = flags.timeout === undefined ? {} : { timeoutMs: flags.timeout };
        const format = flags.json ? 'json' : flags.csv ? 'csv' : 'table';
        await writeResult(db.stream(statement, flags.param, { ...options, pageSize: 1000 }), format, io.stdout);
      });
    });
}
