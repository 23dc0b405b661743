import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DbError } from '../../db/index.ts';
import {
  acceptedForms,
  describeParam,
  indexCommand,
  ParamValueError,
  parseCliParams,
  QueryCatalog,
  QueryNotFoundError,
  renderQueryIndex,
  resolveLibraryDirectory,
  resolveLookupName,
  scanLibrary,
} from '../../library/index.ts';
import { prepareLibraryStatement, streamStatement } from '../../query/library-run.ts';
import { formatTable, writeResult } from '../format.ts';
import { dbOptionHelp, withDatabase } from '../context.ts';
import { pointAt, UserError } from '../errors.ts';
import type { CliIo } from '../context.ts';
import type { LibraryQuery, ParamValue } from '../../../../shared/contract/index.ts';

interface LibraryFlags {
  library?: string;
}

interface RunFlags extends LibraryFlags {
  db?: string;
  param: string[];
  format: 'table' | 'csv' | 'json';
  out?: string;
  timeout?: number;
}

const libraryOptionHelp = 'the query library folder (default $WORKBENCH_LIBRARY_DIR, else the project\'s sql/queries)';

function milliseconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number of milliseconds');
  return n;
}

function openCatalog(io: CliIo, flags: LibraryFlags, warn: boolean): QueryCatalog {
  const catalog = new QueryCatalog(scanLibrary(resolveLibraryDirectory(flags.library, io.env)));
  if (warn) for (const p of catalog.problems) io.stderr(`workbench: warning: library file skipped: ${p.message}\n`);
  return catalog;
}

/** The query, or a usage error that suggests the closest slugs. */
function findQuery(catalog: QueryCatalog, slug: string): LibraryQuery {
  try {
    return catalog.get(slug);
  } catch (error) {
    if (error instanceof QueryNotFoundError) throw new UserError(`${error.message} (\`workbench query list\` shows them all)`, 2);
    throw error;
  }
}

function chartText(query: LibraryQuery): string {
  const { type, x, y } = query.chart;
  return type === 'none' ? 'none' : `${type} x=${x ?? ''} y=${(y ?? []).join(',')}`;
}

/** A database error of a library query, pointing into its file. */
function libraryDbError(query: LibraryQuery, error: DbError): UserError {
  const lines = [`${query.slug}: ${error.message} [SQLSTATE ${error.sqlstate}]`];
  if (error.position !== undefined) lines.push(`${query.file}\n${pointAt(query.sql, error.position)}`);
  if (error.detail) lines.push(`  detail: ${error.detail}`);
  if (error.hint) lines.push(`  hint: ${error.hint}`);
  return new UserError(lines.join('\n'), 1);
}

/** Where output goes: stdout, or a file written under a temporary name and renamed when complete. */
function outputSink(io: CliIo, out: string | undefined): { write(text: string): void; finish(): void; abandon(): void } {
  if (!out) return { write: io.stdout, finish: () => undefined, abandon: () => undefined };
  const partial = `${out}.partial`;
  const fd = openSync(partial, 'w');
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write: (text) => void writeSync(fd, text),
    finish: () => {
      close();
      renameSync(partial, out);
    },
    abandon: () => {
      close();
      rmSync(partial, { force: true });
    },
  };
}

async function runQuery(io: CliIo, slug: string, flags: RunFlags): Promise<void> {
  const catalog = openCatalog(io, flags, false);
  const query = findQuery(catalog, slug);
  const usage = (error: unknown): never => {
    if (error instanceof ParamValueError) throw new UserError(`${slug}: ${error.message}`, 2);
    if (error instanceof DbError) throw libraryDbError(query, error);
    throw error;
  };
  let parsed: ReturnType<typeof parseCliParams> = { values: {}, lookups: [] };
  try {
    parsed = parseCliParams(query, flags.param);
  } catch (error) {
    usage(error);
  }
  await withDatabase(io, flags, async (db) => {
    const sink = outputSink(io, flags.out);
    try {
      const values: Record<string, ParamValue> = { ...parsed.values };
      for (const lookup of parsed.lookups) values[lookup.param] = await resolveLookupName(db, lookup.kind, lookup.param, lookup.text);
      const statement = prepareLibraryStatement(query, values, query.sql);
      const options = { pageSize: 1000, ...(flags.timeout === undefined ? {} : { timeoutMs: flags.timeout }) };
      const { rowCount: count, elapsedMs } = await writeResult(streamStatement(db, statement, options), flags.format, (text) => sink.write(text), {
        query: query.slug,
        params: values,
      });
      sink.finish();
      if (flags.out) io.stderr(`wrote ${count} row${count === 1 ? '' : 's'} of ${query.slug} to ${flags.out} (${elapsedMs} ms)\n`);
    } catch (error) {
      sink.abandon();
      usage(error);
    }
  });
}

const runHelp = `
Parameters (see \`workbench query show SLUG\` for a query's own):
  date          ${acceptedForms('date')}
  daterange     ${acceptedForms('daterange')}
  integer       ${acceptedForms('integer')}
  number        ${acceptedForms('number')}
  text          ${acceptedForms('text')}
  boolean       ${acceptedForms('boolean')} (also yes/no, on/off, 1/0)
  branch, lead_source, sales_person
                all, an id, or a name matched without regard to case (sales people by full name)
Values are always bound as parameters, never pasted into the SQL.

Examples:
  workbench query run revenue-by-month
  workbench query run revenue-by-month --param period=2024-01-01..2024-12-31 --param branch=denver
  workbench query run jobs-by-branch --format csv --out jobs.csv
`;

/** `workbench query list|show|run|index`: the saved query library. */
export function queryCommand(io: CliIo): Command {
  const query = new Command('query').description('the query library: list, show and run saved queries (sql/queries/), and write its index');

  query
    .command('list')
    .description('list the library queries: slug, name, category, parameters, chart and description (clipped; --json has it whole)')
    .option('--json', 'print JSON: every query with its description, parameters, tags, chart and formats')
    .addOption(new Option('--library <dir>', libraryOptionHelp))
    .action((flags: LibraryFlags & { json?: boolean }) => {
      const catalog = openCatalog(io, flags, true);
      if (flags.json) {
        const queries = catalog.queries.map((q) => ({ slug: q.slug, name: q.name, category: q.category, description: q.description, tags: q.tags, parameters: q.params, chart: q.chart, formats: q.formats, file: q.file }));
        io.stdout(`${JSON.stringify({ queries, problems: catalog.problems }, null, 2)}\n`);
        return;
      }
      const rows = catalog.queries.map((q) => [q.slug, q.name, q.category, q.params.map((p) => `${p.name}:${p.type}`).join(' ') || '—', chartText(q), q.description]);
      const fields = ['slug', 'name', 'category', 'parameters', 'chart', 'description'].map((name) => ({ name, typeOid: 25, type: 'text' }));
      io.stdout(formatTable(fields, rows));
      io.stdout(`(${catalog.queries.length} queries; \`workbench query show SLUG\` for the question each answers)\n`);
    });

  query
    .command('show')
    .description('show one query: its question, parameters (types and defaults), chart, formats and SQL')
    .argument('<slug>', 'the query, e.g. revenue-by-month')
    .addOption(new Option('--library <dir>', libraryOptionHelp))
    .action((slug: string, flags: LibraryFlags) => {
      const q = findQuery(openCatalog(io, flags, false), slug);
      const lines = [`${q.name} (${q.slug}, ${q.category}; ${q.file})`, '', q.description, ''];
      if (q.tags.length) lines.push(`tags:       ${q.tags.join(', ')}`);
      lines.push(`chart:      ${chartText(q)}`);
      if (Object.keys(q.formats).length) lines.push(`formats:    ${Object.entries(q.formats).map(([c, f]) => `${c}=${f}`).join(', ')}`);
      lines.push(q.params.length ? 'parameters:' : 'parameters: none');
      for (const p of q.params) lines.push(`  --param ${describeParam(p, true)}  "${p.label}"`);
      io.stdout(`${lines.join('\n')}\n\n${q.sql.replace(/\n?$/, '\n')}`);
    });

  query
    .command('run')
    .description('run a library query read-only (with the statement timeout), streaming the rows')
    .argument('<slug>', 'the query, e.g. revenue-by-month (see `workbench query list`)')
    .option('-p, --param <name=value>', 'a parameter value (repeatable); unset parameters take their defaults', (v: string, all: string[]) => [...all, v], [])
    .option('--db <target>', dbOptionHelp)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .option('--out <file>', 'write the output to a file (replaced only when the query succeeds)')
    .option('--timeout <ms>', 'statement timeout in milliseconds (0: none)', milliseconds)
    .addOption(new Option('--library <dir>', libraryOptionHelp))
    .addHelpText('after', runHelp)
    .action((slug: string, flags: RunFlags) => runQuery(io, slug, flags));

  query
    .command('index')
    .description('write the query index (docs/sql_queries_index.md) from the headers')
    .option('--out <file>', 'write it here instead of printing it')
    .option('--check', 'only check that --out is up to date; exit 1 when it is stale')
    .addOption(new Option('--library <dir>', libraryOptionHelp))
    .action((flags: LibraryFlags & { out?: string; check?: boolean }) => {
      const catalog = openCatalog(io, flags, true);
      const text = renderQueryIndex(catalog.queries);
      if (flags.check) {
        if (!flags.out) throw new UserError('--check needs --out FILE, the index to check', 2);
        const current = existsSync(flags.out) ? readFileSync(flags.out, 'utf8') : '';
        if (current !== text) throw new UserError(`${flags.out} is stale: run \`${indexCommand}\``, 1);
        io.stdout(`${flags.out} is up to date (${catalog.queries.length} queries)\n`);
      } else if (flags.out) {
        writeFileSync(flags.out, text);
        io.stdout(`wrote ${flags.out} (${catalog.queries.length} queries)\n`);
      } else io.stdout(text);
    });
  return query;
}
