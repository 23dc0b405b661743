import { describe, expect, it } from 'vitest';
import { compareSpelling } from './spelling.ts';
import { SPELLING_FACTOR } from './thresholds.ts';

describe('compareSpelling', () => {
  it('names each kind of one-letter difference for the reviewer', () => {
    expect(compareSpelling('jhon', 'john')).toEqual({
      kind: 'transposition',
      factor: SPELLING_FACTOR.transposition,
      evidence: 'one letter transposed (Jhon ~ John)',
    });
    expect(compareSpelling('alen', 'allen')).toEqual({
      kind: 'missing-letter',
      factor: SPELLING_FACTOR.missingLetter,
      evidence: 'doubled letter (Alen ~ Allen)',
    });
    expect(compareSpelling('luas', 'lucas').evidence).toBe('one letter missing (Luas ~ Lucas)');
    expect(compareSpelling('smitg', 'smith')).toEqual({
      kind: 'substitution',
      factor: SPELLING_FACTOR.substitution,
      evidence: 'one letter changed (Smitg ~ Smith)',
    });
  });

  it('treats a vowel for a vowel as weaker evidence (Smith / Smyth are both real names)', () => {
    const relation = compareSpelling('smith', 'smyth');
    expect(relation.kind).toBe('vowel-substitution');
    expect(relation.factor).toBe(SPELLING_FACTOR.vowelSubstitution);
    expect(relation.factor).toBeLessThan(compareSpelling('smith', 'smitg').factor);
  });

  it('allows two edits only for long, similar names', () => {
    expect(compareSpelling('catherine', 'katharine').kind).toBe('two-edits');
    expect(compareSpelling('alan', 'allen').kind).toBe('different');
  });

  it('penalises short names', () => {
    expect(compareSpelling('al', 'ali').factor).toBeCloseTo(SPELLING_FACTOR.missingLetter * SPELLING_FACTOR.shortWord, 10);
    expect(compareSpelling('al', 'ali').evidence).toContain('short name');
  });

  it('uses the labels given instead of the compared letters', () => {
    expect(compareSpelling('homeadvisor', 'homeadvsor', ['Home Advisor', 'HomeAdvsor']).evidence).toBe(
      'one letter missing (Home Advisor ~ HomeAdvsor)',
    );
  });

  it('reports equal and unrelated names', () => {
    expect(compareSpelling('smith', 'smith')).toEqual({ kind: 'equal', factor: 1, evidence: null });
    expect(compareSpelling('smith', 'jones')).toEqual({ kind: 'different', factor: 0, evidence: null });
  });
});
