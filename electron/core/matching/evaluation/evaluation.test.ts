import { describe, expect, it } from 'vitest';
import { fingerprintKey } from './fingerprint.ts';
import { pairwiseScores } from './pairwise.ts';

describe('pairwiseScores', () => {
  it('counts pairs of records from the contingency table', () => {
    const scores = pairwiseScores([
      { predicted: 'a', truth: '1' },
      { predicted: 'a', truth: '1' },
      { predicted: 'a', truth: '2' },
      { predicted: 'b', truth: '1' },
    ]);
    // predicted pairs: 3 (within a); true pairs: 3 (within 1); both: 1
    expect(scores).toMatchObject({ truePositives: 1, predictedPairs: 3, truePairs: 3 });
    expect(scores.precision).toBeCloseTo(1 / 3, 10);
    expect(scores.recall).toBeCloseTo(1 / 3, 10);
    expect(scores.f1).toBeCloseTo(1 / 3, 10);
  });

  it('is perfect when prediction equals truth', () => {
    const records = [
      { predicted: 'x', truth: '1' },
      { predicted: 'x', truth: '1' },
      { predicted: 'y', truth: '2' },
    ];
    expect(pairwiseScores(records)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});

describe('fingerprintKey', () => {
  it('lower-cases, strips punctuation, dedupes and sorts tokens', () => {
    expect(fingerprintKey('Smith, John')).toBe('john smith');
    expect(fingerprintKey('  JOHN  smith john ')).toBe('john smith');
    expect(fingerprintKey("O'Brien")).toBe('obrien');
    expect(fingerprintKey('José')).toBe('jose');
  });
});
