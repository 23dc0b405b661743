import { describe, expect, it } from 'vitest';
import { classifyStatement, firstKeyword, trimStatement } from './statement.ts';

describe('statement classification', () => {
  it.each([
    ['select 1', 'query'],
    ['  -- a comment\n  WITH x AS (select 1) select * from x', 'query'],
    ['/* outer /* nested */ still comment */ values (1)', 'query'],
    ['((select 1))', 'query'],
    ['table job', 'query'],
    ['EXPLAIN select 1', 'explain'],
    ['show work_mem', 'show'],
    ['delete from job', 'other'],
    ['set search_path = x', 'other'],
    ['commit', 'other'],
    ['', 'other'],
  ])('%j is %s', (sql, kind) => {
    expect(classifyStatement(sql)).toBe(kind);
  });

  it('finds the first keyword and trims trailing semicolons', () => {
    expect(firstKeyword('-- x\nSelect 1')).toBe('select');
    expect(trimStatement('select 1;;  \n')).toBe('select 1');
  });
});
