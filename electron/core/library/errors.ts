/**
 * A library file that does not follow docs/query-library.md. The message names the file (relative
 * to the library folder) and, where there is one, the line: `analytics/x.sql:4: …`.
 */
export class LibraryFileError extends Error {
  override readonly name = 'LibraryFileError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
  }
}

/** A slug that names no library query; `suggestions` are the closest slugs. */
export class QueryNotFoundError extends Error {
  override readonly name = 'QueryNotFoundError';
  constructor(
    readonly slug: string,
    readonly suggestions: readonly string[],
    message?: string,
  ) {
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '';
    super(message ?? `no library query "${slug}"${hint}`);
  }
}

/**
 * Parameter values that do not fit a query's parameters. The message says what was wrong and lists
 * every parameter the query accepts with its type.
 */
export class ParamValueError extends Error {
  override readonly name = 'ParamValueError';
}
