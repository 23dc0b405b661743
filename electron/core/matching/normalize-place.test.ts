import { describe, expect, it } from 'vitest';
import { normalizePlaceName } from './normalize-place.ts';

const branch = (raw: string): string | undefined => normalizePlaceName(raw, 'branch')?.key;
const source = (raw: string): string | undefined => normalizePlaceName(raw, 'lead-source')?.key;

describe('normalizePlaceName', () => {
  it('ignores case, punctuation and whitespace', () => {
    expect(branch('  DENVER   north.')).toBe('denver north');
    expect(branch('Denver-North')).toBe('denver north');
  });

  it('writes "&" and "+" as "and"', () => {
    expect(branch('Moving & Storage')).toBe('moving and storage');
    expect(branch('Moving + Storage')).toBe('moving and storage');
    expect(normalizePlaceName('Moving & Storage', 'branch')?.notes.ampersand).toBe(true);
  });

  it('expands common abbreviations, St. as Saint at the start and Street elsewhere', () => {
    expect(branch('Main St.')).toBe('main street');
    expect(branch('St. Louis')).toBe('saint louis');
    expect(branch('Denver Tech Ctr')).toBe('denver tech center');
    expect(branch('N Denver')).toBe('north denver');
    expect(normalizePlaceName('Main St.', 'branch')?.notes.expansions).toEqual(['abbreviation St → Street']);
  });

  it('has lead-source abbreviations and reduces web addresses to their name', () => {
    expect(source('FB Ads')).toBe('facebook ads');
    expect(source('www.Yelp.com')).toBe('yelp');
    expect(source('https://www.homeadvisor.com/pro')).toBe('homeadvisor');
    expect(normalizePlaceName('yelp.com', 'lead-source')?.notes.webAddress).toBe(true);
    // A branch name keeps its dots as separators, not as a web address.
    expect(branch('yelp.com')).toBe('yelp com');
  });

  it('takes extra abbreviations from the caller', () => {
    expect(normalizePlaceName('DTC', 'branch', { dtc: 'denver tech center' })?.key).toBe('denver tech center');
  });

  it('drops legal forms', () => {
    expect(source('Acme Moving, Inc.')).toBe('acme moving');
    expect(source('Acme Moving LLC')).toBe('acme moving');
  });

  it('keeps a trailing state, as a code or a name, apart from the place name', () => {
    expect(normalizePlaceName('Denver, CO', 'branch')).toMatchObject({ key: 'denver co', core: 'denver', state: 'co', qualifiers: ['CO'] });
    expect(normalizePlaceName('Charlotte North Carolina', 'branch')).toMatchObject({ key: 'charlotte nc', core: 'charlotte', state: 'nc' });
    expect(normalizePlaceName('West Virginia', 'branch')).toMatchObject({ key: 'west virginia', state: null });
    // "CO" in a branch name is Colorado, never "company".
    expect(branch('CO Springs')).toBe('co springs');
    expect(source('Acme Moving Co')).toBe('acme moving company');
  });

  it('expands the USPS place-word abbreviations', () => {
    expect(branch('Colorado Spgs')).toBe('colorado springs');
    expect(branch('Shaker Hts')).toBe('shaker heights');
  });

  it('joins letters written apart and a letter hyphenated to a word', () => {
    expect(source('B.B.B.')).toBe('better business bureau');
    expect(source('N/A')).toBe('na');
    expect(source('E-mail Marketing')).toBe('email marketing');
    expect(branch('N Denver')).toBe('north denver');
  });

  it('reads "dot com" as a web address and remembers the suffix', () => {
    expect(normalizePlaceName('Moving dot com', 'lead-source')).toMatchObject({ key: 'moving', webSquashed: 'movingcom' });
    expect(normalizePlaceName('Moving.com', 'lead-source')).toMatchObject({ key: 'moving', webSquashed: 'movingcom' });
  });

  it('notes the parts of a two-city name, a code written as one capital word, and initials', () => {
    expect(normalizePlaceName('Dallas/Fort Worth, TX', 'branch')?.parts).toEqual([['dallas'], ['fort', 'worth']]);
    expect(normalizePlaceName('Dallas - Ft. Worth', 'branch')?.parts).toEqual([['dallas'], ['fort', 'worth']]);
    expect(normalizePlaceName('Winston-Salem', 'branch')?.parts).toEqual([]);
    expect(normalizePlaceName('DEN', 'branch')?.acronym).toBe('den');
    expect(normalizePlaceName('Den', 'branch')?.acronym).toBeNull();
    expect(normalizePlaceName('MyMovingReviews', 'lead-source')?.initials).toEqual(['mmr']);
    expect(normalizePlaceName('Word of Mouth', 'lead-source')?.initials).toEqual(['wom', 'wm']);
  });

  it('is not fooled by words that are property names of plain objects', () => {
    expect(branch('Constructor Office')).toBe('constructor office');
    expect(source('toString')).toBe('tostring');
  });

  it('returns null when nothing is left', () => {
    expect(normalizePlaceName(' - ', 'branch')).toBeNull();
  });
});
