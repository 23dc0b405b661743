import { describe, expect, it } from 'vitest';
import { normalizePersonName } from './normalize-person.ts';

const key = (raw: string): string | undefined => normalizePersonName(raw)?.key;

describe('normalizePersonName', () => {
  it('ignores case, extra whitespace and punctuation', () => {
    expect(key('  mike   JONES ')).toBe('mike jones');
    expect(key('Mike Jones.')).toBe('mike jones');
    expect(key("O'Brien, Pat")).toBe('pat obrien');
    expect(key('José García')).toBe('jose garcia');
  });

  it('turns "Last, First" into "first last" and records it', () => {
    const name = normalizePersonName('SMITH, John A.');
    expect(name?.key).toBe('john a smith');
    expect(name?.first).toBe('john');
    expect(name?.middle).toEqual(['a']);
    expect(name?.last).toBe('smith');
    expect(name?.notes.reversedComma).toBe(true);
    expect(normalizePersonName('John Smith')?.notes.reversedComma).toBe(false);
  });

  it('keeps generational suffixes apart from the name, wherever they are written', () => {
    for (const raw of ['John Smith Jr.', 'John Smith, Jr', 'Smith, John, Jr.', 'SMITH JR, JOHN']) {
      const name = normalizePersonName(raw);
      expect(name?.tokens, raw).toEqual(['john', 'smith']);
      expect(name?.suffix, raw).toBe('jr');
      expect(name?.key, raw).toBe('john smith jr');
    }
    expect(normalizePersonName('Kevin Brown III')?.suffix).toBe('iii');
    expect(normalizePersonName('Kevin Brown II')?.display).toBe('Kevin Brown II');
  });

  it('removes branch annotations in brackets or after a spaced dash, and keeps them as a note', () => {
    for (const raw of ['Mike Jones (Denver)', 'Mike Jones - Denver', 'Mike Jones [Denver]', 'Mike Jones — Denver']) {
      const name = normalizePersonName(raw);
      expect(name?.key, raw).toBe('mike jones');
      expect(name?.notes.annotation, raw).toBe('Denver');
      expect(name?.raw, raw).toBe(raw);
    }
  });

  it('keeps hyphenated surnames (no spaces around the hyphen) as one surname, in either order', () => {
    const name = normalizePersonName('Mary Smith-Jones');
    expect(name?.notes.annotation).toBeNull();
    expect(name?.key).toBe('mary smithjones');
    expect(name?.last).toBe('smithjones');
    expect(name?.display).toBe('Mary Smith-Jones');
    expect(normalizePersonName('Smith-Jones Mary')?.first).toBe('smithjones');
    expect(normalizePersonName('Mary-Jane Smith')?.tokens).toEqual(['maryjane', 'smith']);
  });

  it('drops courtesy titles and post-nominals', () => {
    const name = normalizePersonName('Dr. Jane Doe, PhD');
    expect(name?.key).toBe('jane doe');
    expect([...(name?.notes.droppedTitles ?? [])].sort()).toEqual(['Dr', 'PhD']);
  });

  it('joins surname particles so that spacing does not matter', () => {
    expect(key('John Van Der Berg')).toBe('john vanderberg');
    expect(key('John Vanderberg')).toBe('john vanderberg');
    expect(key('Maria de la Cruz')).toBe('maria delacruz');
  });

  it('classifies the shape of the name', () => {
    expect(normalizePersonName('John Smith')?.shape).toBe('full');
    expect(normalizePersonName('J. Smith')?.shape).toBe('first-initial');
    expect(normalizePersonName('Smith, J.')?.shape).toBe('first-initial');
    expect(normalizePersonName('J.R. Smith')?.tokens).toEqual(['j', 'r', 'smith']);
    expect(normalizePersonName('John S.')?.shape).toBe('last-initial');
    expect(normalizePersonName('J. S.')?.shape).toBe('initials');
    expect(normalizePersonName('Grace')?.shape).toBe('single');
  });

  it('builds a clean title-case display spelling, keeping deliberate mixed case', () => {
    expect(normalizePersonName('SMITH, JOHN A. JR. (Denver)')?.display).toBe('John A. Smith Jr.');
    expect(normalizePersonName("o'brien, pat")?.display).toBe("Pat O'Brien");
    expect(normalizePersonName('ann McDonald')?.display).toBe('Ann McDonald');
  });

  it('returns null when nothing of a name is left', () => {
    expect(normalizePersonName('')).toBeNull();
    expect(normalizePersonName('  -- ')).toBeNull();
    expect(normalizePersonName('(Denver)')).toBeNull();
  });
});
