/**
 * Named placeholders in library SQL: `:name` becomes a bound `$n` (docs/query-library.md). Only code
 * counts: text inside single-quoted strings (also E'…' with backslash escapes), double-quoted
 * identifiers, dollar-quoted strings and comments is left alone, and so are `::type` casts and
 * `:=`. Values never enter the SQL text.
 */

/** A `:name` in the SQL: `start` is the index of the colon, `end` is one past the name. */
export interface Placeholder {
  name: string;
  start: number;
  end: number;
}

/** A positional `$1` in code, which library SQL may not use (it would collide with the numbering). */
export interface PositionalParameter {
  text: string;
  start: number;
}

export interface PlaceholderScan {
  named: Placeholder[];
  positional: PositionalParameter[];
}

const identifierStart = /[A-Za-z_\u0080-\uffff]/;
const identifierChar = /[A-Za-z0-9_$\u0080-\uffff]/;
const dollarTag = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;
const placeholderName = /[A-Za-z_][A-Za-z0-9_]*/y;
const positionalNumber = /\$\d+/y;

/** Index one past the end of the quoted text or comment that starts at `i`, or -1 when none starts there. */
function skipQuoted(sql: string, i: number): number {
  const c = sql[i];
  const next = sql[i + 1];
  if (c === '-' && next === '-') {
    const newline = sql.indexOf('\n', i + 2);
    return newline === -1 ? sql.length : newline;
  }
  if (c === '/' && next === '*') {
    // Block comments nest in PostgreSQL.
    let depth = 1;
    let j = i + 2;
    while (j < sql.length && depth > 0) {
      if (sql[j] === '/' && sql[j + 1] === '*') {
        depth += 1;
        j += 2;
      } else if (sql[j] === '*' && sql[j + 1] === '/') {
        depth -= 1;
        j += 2;
      } else j += 1;
    }
    return j;
  }
  if (c === "'") {
    const before = sql[i - 1] ?? '';
    const escapes = (before === 'e' || before === 'E') && !identifierChar.test(sql[i - 2] ?? '');
    let j = i + 1;
    while (j < sql.length) {
      if (escapes && sql[j] === '\\') j += 2;
      else if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
      else if (sql[j] === "'") return j + 1;
      else j += 1;
    }
    return sql.length;
  }
  if (c === '"') {
    let j = i + 1;
    while (j < sql.length) {
      if (sql[j] === '"' && sql[j + 1] === '"') j += 2;
      else if (sql[j] === '"') return j + 1;
      else j += 1;
    }
    return sql.length;
  }
  if (c === '$' && !identifierChar.test(sql[i - 1] ?? '')) {
    dollarTag.lastIndex = i;
    const tag = dollarTag.exec(sql)?.[0];
    if (tag) {
      const close = sql.indexOf(tag, i + tag.length);
      return close === -1 ? sql.length : close + tag.length;
    }
  }
  return -1;
}

/** Every `:name` and `$n` in the code of `sql`, in order. */
export function findPlaceholders(sql: string): PlaceholderScan {
  const named: Placeholder[] = [];
  const positional: PositionalParameter[] = [];
  let i = 0;
  while (i < sql.length) {
    const skipped = skipQuoted(sql, i);
    if (skipped !== -1) {
      i = skipped;
      continue;
    }
    const c = sql[i];
    if (c === ':' && sql[i - 1] !== ':' && identifierStart.test(sql[i + 1] ?? '')) {
      placeholderName.lastIndex = i + 1;
      const name = placeholderName.exec(sql)?.[0];
      if (name) {
        named.push({ name, start: i, end: i + 1 + name.length });
        i += 1 + name.length;
        continue;
      }
    }
    if (c === '$' && !identifierChar.test(sql[i - 1] ?? '')) {
      positionalNumber.lastIndex = i;
      const number = positionalNumber.exec(sql)?.[0];
      if (number) {
        positional.push({ text: number, start: i });
        i += number.length;
        continue;
      }
    }
    // Skip a whole identifier (keywords too), so a `$` inside one (`a$1`) never reads as a parameter.
    if (identifierStart.test(c ?? '')) {
      while (i < sql.length && identifierChar.test(sql[i] ?? '')) i += 1;
      continue;
    }
    i += 1;
  }
  return { named, positional };
}

/**
 * SQL with `$n` in place of `:name`. `order[n - 1]` is the placeholder name bound as `$n`, numbered by
 * first appearance; the same name always gets the same number.
 */
export interface RewrittenSql {
  text: string;
  order: string[];
  /** Maps a 1-based character position in `text` (e.g. from an error) to the same place in the original. */
  toOriginalPosition(position: number): number;
}

/** Rewrites the placeholders `findPlaceholders` found into `$1`, `$2`… */
export function rewritePlaceholders(sql: string, placeholders: readonly Placeholder[]): RewrittenSql {
  const numbers = new Map<string, number>();
  const spans: { start: number; end: number; newStart: number; newEnd: number }[] = [];
  let text = '';
  let from = 0;
  for (const p of placeholders) {
    let n = numbers.get(p.name);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(p.name, n);
    }
    text += sql.slice(from, p.start);
    const replacement = `$${n}`;
    spans.push({ start: p.start, end: p.end, newStart: text.length, newEnd: text.length + replacement.length });
    text += replacement;
    from = p.end;
  }
  text += sql.slice(from);
  return {
    text,
    order: [...numbers.keys()],
    toOriginalPosition(position) {
      const index = position - 1;
      let shift = 0;
      for (const span of spans) {
        if (index < span.newStart) break;
        if (index < span.newEnd) return span.start + 1;
        shift = span.end - span.newEnd;
      }
      return index + shift + 1;
    },
  };
}

/** 1-based line of the character at `index`. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text[i] === '\n') line += 1;
  return line;
}
