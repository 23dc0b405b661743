import { describe, expect, it } from 'vitest';
import { findPlaceholders, rewritePlaceholders } from './placeholders.ts';

const rewrite = (sql: string) => {
  const r = rewritePlaceholders(sql, findPlaceholders(sql).named);
  return { text: r.text, order: r.order };
};

describe('named placeholders', () => {
  it('numbers placeholders by first appearance, reusing the number of a repeated name, and leaves casts alone', () => {
    expect(rewrite('select * from job j where (:branch::bigint is null or j.branch_id = :branch) and j.job_date between :period_from and :period_to')).toEqual({
      text: 'select * from job j where ($1::bigint is null or j.branch_id = $1) and j.job_date between $2 and $3',
      order: ['branch', 'period_from', 'period_to'],
    });
    expect(rewrite("select x::text, y :: date, f(a := 1), :n::int + :n")).toEqual({ text: 'select x::text, y :: date, f(a := 1), $1::int + $1', order: ['n'] });
  });

  it('leaves strings, quoted identifiers, dollar quotes and comments untouched', () => {
    const sql = [
      "select ':a' as s1, 'it''s :a' as s2, E'\\' :a' as s3, \"col:a\" as i1, $$ :a $$ as d1, $tag$ :a $$ :a $tag$ as d2,",
      '       :a as real -- :a in a line comment',
      '  /* :a in a /* nested :a */ block comment :a */ , U&\':a\' as u, :b',
    ].join('\n');
    expect(rewrite(sql)).toEqual({
      text: [
        "select ':a' as s1, 'it''s :a' as s2, E'\\' :a' as s3, \"col:a\" as i1, $$ :a $$ as d1, $tag$ :a $$ :a $tag$ as d2,",
        '       $1 as real -- :a in a line comment',
        '  /* :a in a /* nested :a */ block comment :a */ , U&\':a\' as u, $2',
      ].join('\n'),
      order: ['a', 'b'],
    });
  });

  it('treats a backslash as an escape only in E strings', () => {
    // In a standard string the backslash is a plain character, so the string ends at the second quote.
    expect(rewrite("select 'a\\' as x, :p, e'b\\':q' as y, :r")).toEqual({ text: "select 'a\\' as x, $1, e'b\\':q' as y, $2", order: ['p', 'r'] });
  });

  it('finds positional $n outside strings, but not inside identifiers or dollar tags', () => {
    const scan = findPlaceholders("select $1, a$1, '$2', $x$ $3 $x$, $$ $4 $$");
    expect(scan.positional).toEqual([{ text: '$1', start: 7 }]);
    expect(scan.named).toEqual([]);
  });

  it('maps an error position in the rewritten text back to the original', () => {
    const sql = 'select :long_name, :b, nosuch';
    const r = rewritePlaceholders(sql, findPlaceholders(sql).named);
    expect(r.text).toBe('select $1, $2, nosuch');
    const at = (needle: string, text: string) => text.indexOf(needle) + 1;
    expect(r.toOriginalPosition(at('nosuch', r.text))).toBe(at('nosuch', sql));
    expect(r.toOriginalPosition(at('$2', r.text))).toBe(at(':b', sql));
    expect(r.toOriginalPosition(at('select', r.text))).toBe(1);
    expect(r.toOriginalPosition(at('$1', r.text) + 1)).toBe(at(':long_name', sql));
  });

  it('keeps a value-shaped text out of the SQL: only the placeholder changes', () => {
    expect(rewrite("select :needle where x = ':needle'")).toEqual({ text: "select $1 where x = ':needle'", order: ['needle'] });
  });
});
