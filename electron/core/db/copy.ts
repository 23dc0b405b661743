/**
 * Bulk loading with COPY … FROM STDIN (FORMAT csv). Identifiers are checked against a strict pattern
 * (they cannot be bound as parameters); values travel as CSV, never as SQL text.
 */
const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkIdentifier(name: string): string {
  if (!identifier.test(name)) throw new Error(`not an allowed SQL identifier: ${JSON.stringify(name)}`);
  return name;
}

/** `table (a, b, c)` with every name checked. */
export function copyTarget(table: string, columns: readonly string[]): string {
  if (columns.length === 0) throw new Error('COPY needs at least one column');
  return `${checkIdentifier(table)} (${columns.map(checkIdentifier).join(', ')})`;
}

/** The options tail: CSV where an unquoted empty field is NULL and a quoted one is ''. */
export const csvCopyOptions = "WITH (FORMAT csv, NULL '')";

/** One CSV line: null → empty (NULL); every string quoted, so '' stays an empty string. */
export function csvCopyLine(values: readonly (string | null)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (i > 0) line += ',';
    if (v !== null && v !== undefined) line += `"${v.replace(/"/g, '""')}"`;
  }
  return `${line}\n`;
}

/** Groups rows into chunks of whole lines, so a batch boundary never splits a row. */
export async function* csvCopyChunks(rows: AsyncIterable<readonly (string | null)[]> | Iterable<readonly (string | null)[]>, rowsPerChunk = 1000): AsyncGenerator<string> {
  let chunk = '';
  let n = 0;
  for await (const row of rows) {
    chunk += csvCopyLine(row);
    n += 1;
    if (n >= rowsPerChunk) {
      yield chunk;
      chunk = '';
      n = 0;
    }
  }
  if (chunk) yield chunk;
}
