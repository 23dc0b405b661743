import { DbError } from '../db/index.ts';
import { bindParam } from '../library/params.ts';
import { findPlaceholders, rewritePlaceholders } from '../library/placeholders.ts';
import type { ReadableDatabase, StreamOptions } from '../db/index.ts';
import type { LibraryQuery, ParamValue } from '../../../shared/contract/index.ts';
import type { ResultPage } from '../../../shared/db.ts';

/**
 * One statement ready for the read path: SQL with `$n` placeholders and their values.
 * @example { sql: 'select $1::date as day', params: ['2024-01-01'], toOriginalPosition: (p) => p }
 */
export interface PreparedStatement {
  sql: string;
  params: ParamValue[];
  /** Maps a position in `sql` (from an error) back to the text the user wrote; identity when absent. */
  toOriginalPosition?: (position: number) => number;
}

/** SQLSTATE for a placeholder the query does not declare (PostgreSQL's undefined_parameter). */
const undefinedParameter = '42P02';

/**
 * Binds a library query's canonical parameter values (see `resolveParamValues`) to its SQL:
 * every `:name` becomes `$n` and its value goes into `params`. `text` is the query's own SQL unless
 * the user edited it in the app; a placeholder there that the header does not declare is a DbError
 * (42P02) at its position, and a declared parameter the edited text no longer uses is simply not bound.
 */
export function prepareLibraryStatement(query: Pick<LibraryQuery, 'params'>, values: Readonly<Record<string, ParamValue>>, text: string): PreparedStatement {
  const bound = new Map<string, ParamValue>();
  for (const param of query.params) {
    if (!Object.hasOwn(values, param.name)) throw new Error(`no value for parameter "${param.name}"`);
    for (const [placeholder, value] of bindParam(param, values[param.name] ?? null)) bound.set(placeholder, value);
  }
  const { named, positional } = findPlaceholders(text);
  const [first] = positional;
  if (first) {
    throw new DbError({ sqlstate: undefinedParameter, message: `library queries take named parameters (:name), not ${first.text}`, position: first.start + 1 });
  }
  const unknown = named.find((p) => !bound.has(p.name));
  if (unknown) {
    const declared = [...bound.keys()].map((n) => `:${n}`).join(', ');
    throw new DbError({
      sqlstate: undefinedParameter,
      message: `there is no parameter :${unknown.name}`,
      position: unknown.start + 1,
      hint: declared ? `the header declares ${declared}` : 'declare it in the header: -- param: NAME TYPE = DEFAULT "Label"',
    });
  }
  const rewritten = rewritePlaceholders(text, named);
  return { sql: rewritten.text, params: rewritten.order.map((name) => bound.get(name) ?? null), toOriginalPosition: rewritten.toOriginalPosition };
}

/**
 * Streams a prepared statement through the read path (READ ONLY transaction, statement timeout,
 * pages): the one runner behind the CLI and the app. Error positions point into the text the
 * user wrote, not the rewritten SQL.
 */
export async function* streamStatement(db: ReadableDatabase, statement: PreparedStatement, options: StreamOptions = {}): AsyncGenerator<ResultPage, void, undefined> {
  try {
    yield* db.stream(statement.sql, statement.params, options);
  } catch (error) {
    if (error instanceof DbError && error.position !== undefined && statement.toOriginalPosition) {
      const info = error.toInfo();
      throw new DbError({ ...info, position: statement.toOriginalPosition(error.position) }, { cause: error });
    }
    throw error;
  }
}
