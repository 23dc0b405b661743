import { describe, expect, it } from 'vitest';
import { splitStatements, statementAtOffset, statementsInRange } from './sqlStatements.ts';

const texts = (sql: string) => splitStatements(sql).map((s) => s.text);

describe('splitStatements', () => {
  it('splits on semicolons and reports offsets into the whole text', () => {
    const sql = 'select 1;\n  select 2 ;';
    expect(splitStatements(sql)).toEqual([
      { text: 'select 1', start: 0, end: 8 },
      { text: 'select 2', start: 12, end: 20 },
    ]);
  });

  it('keeps a last statement without a semicolon', () => {
    expect(texts('select 1; select 2')).toEqual(['select 1', 'select 2']);
  });

  it('ignores semicolons inside strings, doubled quotes and quoted identifiers', () => {
    expect(texts(`select 'a;b', 'it''s;' as "x;""y"; select 2`)).toEqual([`select 'a;b', 'it''s;' as "x;""y"`, 'select 2']);
  });

  it('honours backslash escapes only in E strings', () => {
    expect(texts(String.raw`select E'a\';b'; select 2`)).toEqual([String.raw`select E'a\';b'`, 'select 2']);
    // In a standard string a backslash is a plain character, so the quote after it closes the string.
    expect(texts(String.raw`select 'a\'; select 2`)).toEqual([String.raw`select 'a\'`, 'select 2']);
  });

  it('ignores semicolons in line comments and nested block comments', () => {
    expect(texts('select 1 -- not; here\n, 2; /* a; /* b; */ c; */ select 3')).toEqual(['select 1 -- not; here\n, 2', 'select 3']);
  });

  it('ignores semicolons inside dollar quotes, tagged or not', () => {
    expect(texts('select $$a;b$$; select $fn$ x; $$ y; $fn$; select 3')).toEqual(['select $$a;b$$', 'select $fn$ x; $$ y; $fn$', 'select 3']);
  });

  it('treats $1 as a parameter and a$b$ as an identifier, not as dollar quotes', () => {
    expect(texts('select $1; select a$b$; select 3')).toEqual(['select $1', 'select a$b$', 'select 3']);
  });

  it('drops segments holding only blanks and comments, and trims comments around a statement', () => {
    expect(splitStatements(';; -- nothing\n/* here */ ;')).toEqual([]);
    expect(texts('-- top movers\nselect 1 -- trailing\n;')).toEqual(['select 1']);
  });

  it('runs an unterminated string or comment to the end of the text', () => {
    expect(texts("select 'abc; select 2")).toEqual(["select 'abc; select 2"]);
    expect(texts('select 1 /* open; select 2')).toEqual(['select 1']);
  });
});

describe('statementAtOffset', () => {
  const sql = 'select 1;\n\nselect 2;   \nselect 3';

  it('finds the statement the cursor is in or touching', () => {
    expect(statementAtOffset(sql, 3)?.text).toBe('select 1');
    expect(statementAtOffset(sql, 8)?.text).toBe('select 1');
    expect(statementAtOffset(sql, 11)?.text).toBe('select 2');
  });

  it('prefers the statement that ended on the cursor line', () => {
    expect(statementAtOffset(sql, 9)?.text).toBe('select 1'); // just after `select 1;`
    expect(statementAtOffset(sql, 22)?.text).toBe('select 2'); // in the blanks after `select 2;`
  });

  it('takes the next statement from a blank line, and the last one from the end of the text', () => {
    expect(statementAtOffset(sql, 10)?.text).toBe('select 2');
    expect(statementAtOffset('select 1;\n\n', 11)?.text).toBe('select 1');
  });

  it('returns nothing for text without statements', () => {
    expect(statementAtOffset('  -- only a comment', 5)).toBeUndefined();
  });
});

describe('statementsInRange', () => {
  it('splits a selection and reports offsets into the whole text', () => {
    const sql = 'xx select 1; select 2 yy';
    expect(statementsInRange(sql, 3, 21)).toEqual([
      { text: 'select 1', start: 3, end: 11 },
      { text: 'select 2', start: 13, end: 21 },
    ]);
  });
});
