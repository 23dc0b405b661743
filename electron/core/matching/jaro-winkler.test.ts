import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from './jaro-winkler.ts';

describe('jaro', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.944],
    ['DWAYNE', 'DUANE', 0.822],
    ['DIXON', 'DICKSONX', 0.767],
  ])('jaro(%s, %s) = %d', (a, b, expected) => {
    expect(jaro(a, b)).toBeCloseTo(expected, 3);
  });

  it('is 1 for identical strings and 0 without common characters', () => {
    expect(jaro('smith', 'smith')).toBe(1);
    expect(jaro('abc', 'xyz')).toBe(0);
    expect(jaro('abc', '')).toBe(0);
  });
});

describe('jaroWinkler', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
  ])('jaroWinkler(%s, %s) = %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('is symmetric', () => {
    expect(jaroWinkler('DUANE', 'DWAYNE')).toBeCloseTo(jaroWinkler('DWAYNE', 'DUANE'), 12);
  });

  it('adds no prefix boost without a common prefix', () => {
    expect(jaroWinkler('JELLYFISH', 'SMELLYFISH')).toBe(jaro('JELLYFISH', 'SMELLYFISH'));
  });

  it('adds no boost at or below the 0.7 threshold', () => {
    expect(jaro('abcxyz', 'abmnop')).toBeLessThanOrEqual(0.7);
    expect(jaroWinkler('abcxyz', 'abmnop')).toBe(jaro('abcxyz', 'abmnop'));
  });
});
