import { Command, InvalidArgumentError } from 'commander';
import { csvLine, formatTable } from '../format.ts';
import { dbOptionHelp, withDatabase } from '../context.ts';
import type { CliIo } from '../context.ts';
import type { ResultField } from '../../../../shared/db.ts';

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
        const started = performance.now();
        let fields: ResultField[] = [];
        let count = 0;
        let first = true;
        const options = flags.timeout === undefined ? {} : { timeoutMs: flags.timeout };
        for await (const page of db.stream(statement, flags.param, { ...options, pageSize: 1000 })) {
          if (first) {
            fields = page.fields;
            if (flags.json) io.stdout(`{"fields":${JSON.stringify(fields)},"rows":[`);
            else if (flags.csv) io.stdout(csvLine(fields.map((f) => f.name)));
          }
          if (flags.json) {
            for (const row of page.rows) {
              io.stdout(`${count === 0 ? '' : ','}\n${JSON.stringify(row)}`);
              count += 1;
            }
          } else if (flags.csv) {
            for (const row of page.rows) io.stdout(csvLine(row));
            count += page.rows.length;
          } else {
            const table = formatTable(fields, page.rows);
            io.stdout(first ? table : table.split('\n').slice(2).join('\n'));
            count += page.rows.length;
          }
          first = false;
        }
        const elapsedMs = Math.round(performance.now() - started);
        if (flags.json) io.stdout(`\n],"rowCount":${count},"elapsedMs":${elapsedMs}}\n`);
        else if (!flags.csv) io.stdout(`(${count} row${count === 1 ? '' : 's'}, ${elapsedMs} ms)\n`);
      });
    });
}
