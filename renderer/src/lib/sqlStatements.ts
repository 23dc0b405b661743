/**
 * Splits PostgreSQL text into statements on `;` outside quotes, comments and dollar quotes, so the
 * editor can run "the statement at the cursor". Pure: no DOM, no Monaco.
 */

/**
 * One statement of an editor's text. `start`/`end` are UTF-16 offsets into the whole text; `text` is
 * `sql.slice(start, end)`: from its first token to the end of its last token, without the `;` and
 * without leading or trailing comments.
 * @example splitStatements('select 1; select 2') → [{ text: 'select 1', start: 0, end: 8 }, { text: 'select 2', start: 10, end: 18 }]
 */
export interface SqlStatement {
  text: string;
  start: number;
  end: number;
}

const identifierChar = /[A-Za-z0-9_$\u0080-\uffff]/;
const dollarTag = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

/** Where the string, quoted identifier, dollar quote or comment starting at `i` ends; undefined when none starts there. */
function skipQuotedOrComment(sql: string, i: number): { end: number; comment: boolean } | undefined {
  const c = sql[i];
  const next = sql[i + 1];
  if (c === '-' && next === '-') {
    const newline = sql.indexOf('\n', i + 2);
    return { end: newline === -1 ? sql.length : newline, comment: true };
  }
  if (c === '/' && next === '*') {
    // PostgreSQL block comments nest.
    let depth = 1;
    let j = i + 2;
    while (j < sql.length && depth > 0) {
      if (sql[j] === '/' && sql[j + 1] === '*') {
        depth++;
        j += 2;
      } else if (sql[j] === '*' && sql[j + 1] === '/') {
        depth--;
        j += 2;
      } else j++;
    }
    return { end: j, comment: true };
  }
  if (c === "'") {
    const prefix = sql[i - 1];
    const escapes = (prefix === 'e' || prefix === 'E') && !identifierChar.test(sql[i - 2] ?? ' ');
    let j = i + 1;
    while (j < sql.length) {
      if (escapes && sql[j] === '\\') j += 2;
      else if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
      else if (sql[j] === "'") return { end: j + 1, comment: false };
      else j++;
    }
    return { end: sql.length, comment: false };
  }
  if (c === '"') {
    let j = i + 1;
    while (j < sql.length) {
      if (sql[j] === '"' && sql[j + 1] === '"') j += 2;
      else if (sql[j] === '"') return { end: j + 1, comment: false };
      else j++;
    }
    return { end: sql.length, comment: false };
  }
  if (c === '$' && !identifierChar.test(sql[i - 1] ?? ' ')) {
    dollarTag.lastIndex = i;
    const match = dollarTag.exec(sql);
    if (!match) return undefined; // `$1` is a parameter, not a quote
    const tag = match[0];
    const close = sql.indexOf(tag, i + tag.length);
    return { end: close === -1 ? sql.length : close + tag.length, comment: false };
  }
  return undefined;
}

/** The non-empty statements of `sql`, in order. A segment holding only comments or blanks is no statement. */
export function splitStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let first = -1;
  let last = -1;
  const flush = () => {
    if (first !== -1) statements.push({ text: sql.slice(first, last), start: first, end: last });
    first = -1;
    last = -1;
  };
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    const skipped = skipQuotedOrComment(sql, i);
    if (skipped) {
      if (!skipped.comment) {
        if (first === -1) first = i;
        last = skipped.end;
      }
      i = skipped.end;
    } else if (c === ';') {
      flush();
      i++;
    } else {
      if (!/\s/.test(c)) {
        if (first === -1) first = i;
        last = i + 1;
      }
      i++;
    }
  }
  flush();
  return statements;
}

/**
 * The statement the cursor at `offset` belongs to: the one it is inside or touching; else, on the line
 * where a statement ended (after its `;`), that statement; else the next one; else the last one.
 */
export function statementAtOffset(sql: string, offset: number): SqlStatement | undefined {
  const statements = splitStatements(sql);
  const inside = statements.find((s) => s.start <= offset && offset <= s.end);
  if (inside) return inside;
  const previous = statements.filter((s) => s.end < offset).at(-1);
  const next = statements.find((s) => s.start > offset);
  if (previous && (!next || !sql.slice(previous.end, offset).includes('\n'))) return previous;
  return next ?? previous;
}

/** The statements inside a selection, with offsets into the whole text. */
export function statementsInRange(sql: string, start: number, end: number): SqlStatement[] {
  return splitStatements(sql.slice(start, end)).map((s) => ({ text: s.text, start: s.start + start, end: s.end + start }));
}
