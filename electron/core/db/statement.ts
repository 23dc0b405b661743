/**
 * What kind of statement a user wrote, judged by its first keyword after comments, white space and
 * opening parentheses. The read path accepts only statements that read; PostgreSQL's READ ONLY
 * transaction is the real guard (it also stops data-modifying CTEs), this check gives a clear message
 * early and keeps session-changing commands (SET, RESET, COMMIT…) away from pooled connections.
 */

export type StatementKind = 'query' | 'explain' | 'show' | 'other';

const queryKeywords = new Set(['select', 'with', 'values', 'table']);

/** Strips leading white space, `--` and nested `/* *\/` comments. */
export function stripLeadingComments(sql: string): string {
  let i = 0;
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i] ?? '')) i += 1;
    if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', i)) {
      let depth = 0;
      do {
        if (sql.startsWith('/*', i)) {
          depth += 1;
          i += 2;
        } else if (sql.startsWith('*/', i)) {
          depth -= 1;
          i += 2;
        } else if (i >= sql.length) {
          break;
        } else {
          i += 1;
        }
      } while (depth > 0);
    } else {
      return sql.slice(i);
    }
  }
}

export function firstKeyword(sql: string): string {
  const body = stripLeadingComments(sql).replace(/^[\s(]+/, '');
  const match = /^[A-Za-z_]+/.exec(body);
  return match ? match[0].toLowerCase() : '';
}

export function classifyStatement(sql: string): StatementKind {
  const keyword = firstKeyword(sql);
  if (queryKeywords.has(keyword)) return 'query';
  if (keyword === 'explain') return 'explain';
  if (keyword === 'show') return 'show';
  return 'other';
}

/** Removes trailing semicolons and white space, which a cursor declaration cannot carry. */
export function trimStatement(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}
