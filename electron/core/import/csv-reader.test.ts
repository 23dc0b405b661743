import { describe, expect, it } from 'vitest';
import { CsvTokenizer, detectDelimiter } from './csv-reader.ts';

function parse(pieces: string[], delimiter = ','): string[][] {
  const t = new CsvTokenizer(delimiter, 'test.csv');
  const out: string[][] = [];
  for (const p of pieces) for (const r of t.push(p)) out.push(r.cells);
  for (const r of t.end()) out.push(r.cells);
  return out;
}

describe('CSV tokenizer', () => {
  it('reads quoted fields with escapes, delimiters and line breaks inside', () => {
    expect(parse(['a,"b ""x"", y",c\r\n1,"multi\nline",3\n'])).toEqual([
      ['a', 'b "x", y', 'c'],
      ['1', 'multi\nline', '3'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'h1;h2\r\n"a""b";"c\r\nd"\r\n"";x\r\n';
    const whole = parse([text], ';');
    for (let cut = 1; cut < text.length; cut += 1) {
      expect(parse([text.slice(0, cut), text.slice(cut)], ';')).toEqual(whole);
    }
    expect(whole).toEqual([
      ['h1', 'h2'],
      ['a"b', 'c\r\nd'],
      ['', 'x'],
    ]);
  });

  it('keeps a last record without a line break and refuses an unclosed quote', () => {
    expect(parse(['a,b\n1,2'])).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => parse(['a,b\n1,"2'])).toThrow(/record 2: a quoted field is never closed/);
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('Quote #;Customer Name;Email')).toBe(';');
    expect(detectDelimiter('"a,b";c;d')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });
});
