import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CsvSink, csvField, XlsxSink } from './writers.ts';
import { parseCsv, readXlsx } from './test-support.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sample-writers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.useRealTimers();
});

const sha = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

describe('csvField', () => {
  it('quotes commas, quotes, line breaks and edge spaces only', () => {
    expect(csvField('Smith, John')).toBe('"Smith, John"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(' 1234 ')).toBe('" 1234 "');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('John  Smith')).toBe('John  Smith');
    expect(csvField('')).toBe('');
  });
});

describe('CsvSink', () => {
  it('round-trips awkward values through a CSV parser', async () => {
    const path = join(dir, 'round.csv');
    const sink = new CsvSink(path, ['A', 'B', 'C']);
    const rows = [[' 1234 ', 'Smith, John', 'He said "no"'], ['', 'Zoë', 'x\r\ny'], ['1', '2', '3']];
    for (const row of rows) sink.write(row);
    sink.writeLine('4,5,6');
    await sink.close();
    expect(sink.rows).toBe(4);
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('A,B,C\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['A', 'B', 'C'], ...rows, ['4', '5', '6']]);
  });
});

describe('XlsxSink', () => {
  it('continues on numbered sheets, each with the header, past the per-sheet row limit', async () => {
    const path = join(dir, 'roll.xlsx');
    const sink = new XlsxSink(path, 'Data', ['N', 'When'], 4);
    for (let i = 1; i <= 10; i++) sink.write([i, new Date(Date.UTC(2023, 6, i))]);
    await sink.close();
    const book = await readXlsx(path);
    expect(book.sheets).toEqual(['Data', 'Data (2)', 'Data (3)']);
    expect(book.headers).toEqual(['N', 'When']);
    expect(book.rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(book.rows[0]?.[1]).toEqual(new Date(Date.UTC(2023, 6, 1)));
  });

  it('writes the same bytes whatever the clock says', async () => {
    const write = async (name: string, now: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(now));
      const sink = new XlsxSink(join(dir, name), 'S', ['A']);
      sink.write(['x']);
      await sink.close();
      vi.useRealTimers();
      return sha(join(dir, name));
    };
    expect(await write('a.xlsx', '2030-01-01T00:00:00Z')).toBe(await write('b.xlsx', '2041-06-30T13:57:11Z'));
  });

  it('sees the bytes queued for the compressor, so backpressure works', async () => {
    const sink = new XlsxSink(join(dir, 'pressure.xlsx'), 'S', ['A', 'B', 'C']);
    let seen = 0;
    for (let i = 0; i < 50_000; i++) {
      sink.write([`row ${i} with some text to compress`, i, 'more text']);
      if (i % 1000 === 0) seen = Math.max(seen, sink.pendingBytes());
    }
    expect(seen).toBeGreaterThan(1 << 20);
    expect(sink.needsDrain).toBe(true);
    await sink.drain();
    expect(sink.pendingBytes()).toBeLessThanOrEqual(1 << 20);
    await sink.close();
  });
});
