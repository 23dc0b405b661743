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

  it('returns null when nothing is left', () => {
    expect(normalizePlaceName(' - ', 'branch')).toBeNull();
  });
});
