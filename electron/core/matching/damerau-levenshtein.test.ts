import { describe, expect, it } from 'vitest';
import { damerauLevenshtein } from './damerau-levenshtein.ts';

describe('damerauLevenshtein', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['smith', 'smith', 0],
    ['kitten', 'sitting', 3],
    ['jhon', 'john', 1],
    ['martha', 'marhta', 1],
    ['smith', 'smyth', 1],
    ['allen', 'alen', 1],
    ['alan', 'allen', 2],
    ['abcdef', 'badcfe', 3],
    ['a cat', 'an act', 2],
    ['josé', 'jsoé', 1],
  ])('distance(%j, %j) = %i', (a, b, expected) => {
    expect(damerauLevenshtein(a, b)).toBe(expected);
    expect(damerauLevenshtein(b, a)).toBe(expected);
  });

  it('is the unrestricted distance, not optimal string alignment (CA → ABC is 2, OSA says 3)', () => {
    expect(damerauLevenshtein('ca', 'abc')).toBe(2);
  });

  it('counts a transposition as one edit where plain Levenshtein needs two', () => {
    expect(damerauLevenshtein('ab', 'ba')).toBe(1);
    expect(damerauLevenshtein('sohpie', 'sophie')).toBe(1);
  });

  it('gives the same answer when called again with longer strings (scratch table reuse)', () => {
    const long = 'christopherson-'.repeat(10);
    expect(damerauLevenshtein(long, `${long}x`)).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
  });
});
