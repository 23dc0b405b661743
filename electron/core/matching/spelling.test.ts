import { describe, expect, it } from 'vitest';
import { compareSpelling, keyboardNeighbours } from './spelling.ts';
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
    expect(compareSpelling('smitp', 'smith')).toEqual({
      kind: 'substitution',
      factor: SPELLING_FACTOR.substitution,
      evidence: 'one letter changed (Smitp ~ Smith)',
    });
    expect(compareSpelling('smitg', 'smith').evidence).toBe('one letter changed, next key on the keyboard (Smitg ~ Smith)');
  });

  it('takes a vowel next to the intended key for a slip, not for another name (Lewos / Lewis, not Smyth / Smith)', () => {
    expect(keyboardNeighbours('o', 'i')).toBe(true);
    expect(keyboardNeighbours('e', 'd')).toBe(true);
    expect(keyboardNeighbours('e', 'f')).toBe(false);
    expect(keyboardNeighbours('i', 'y')).toBe(false);
    expect(compareSpelling('lewos', 'lewis')).toMatchObject({ kind: 'substitution', factor: SPELLING_FACTOR.substitution });
    expect(compareSpelling('smyth', 'smith').kind).toBe('vowel-substitution');
  });

  it('drops the vowel and short-name doubts for a known slip', () => {
    expect(compareSpelling('tmo', 'tom', undefined, { slip: true }).factor).toBe(SPELLING_FACTOR.transposition);
    expect(compareSpelling('tmo', 'tom').factor).toBeCloseTo(SPELLING_FACTOR.transposition * SPELLING_FACTOR.shortWord, 10);
    expect(compareSpelling('hanson', 'hansen', undefined, { slip: true })).toMatchObject({ kind: 'substitution', factor: SPELLING_FACTOR.substitution });
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
