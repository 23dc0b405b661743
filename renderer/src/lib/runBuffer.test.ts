import { describe, expect, it } from 'vitest';
import { RunBuffer } from './runBuffer.ts';

const fields = [{ name: 'n', typeOid: 23, type: 'int4' }];
const page = (offset: number, values: number[]) => ({ fields, offset, rows: values.map((v) => [v]) });

describe('RunBuffer', () => {
  it('appends pages in order and numbers rows from 1', () => {
    const buffer = new RunBuffer();
    expect(buffer.accept(page(0, [10, 11]))).toEqual([
      { n: 1, v: [10] },
      { n: 2, v: [11] },
    ]);
    expect(buffer.accept(page(2, [12]))).toEqual([{ n: 3, v: [12] }]);
    expect(buffer.received).toBe(3);
    expect(buffer.fields).toEqual(fields);
  });

  it('holds a page that arrives early until the gap before it is filled', () => {
    const buffer = new RunBuffer();
    expect(buffer.accept(page(2, [12, 13]))).toEqual([]);
    expect(buffer.received).toBe(0);
    expect(buffer.accept(page(0, [10, 11])).map((r) => r.v[0])).toEqual([10, 11, 12, 13]);
  });

  it('ignores rows it already holds when a page arrives twice or overlaps', () => {
    const buffer = new RunBuffer();
    buffer.accept(page(0, [10, 11]));
    expect(buffer.accept(page(0, [10, 11]))).toEqual([]);
    expect(buffer.accept(page(1, [11, 12]))).toEqual([{ n: 3, v: [12] }]);
    expect(buffer.rows.map((r) => r.n)).toEqual([1, 2, 3]);
  });

  it('takes the fields of an empty first page', () => {
    const buffer = new RunBuffer();
    expect(buffer.accept({ fields, offset: 0, rows: [] })).toEqual([]);
    expect(buffer.fields).toEqual(fields);
  });
});
