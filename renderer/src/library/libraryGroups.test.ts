import { describe, expect, it } from 'vitest';
import { groupLibrary } from './libraryGroups.ts';

const q = (slug: string, name: string, category: string, description = '', tags: string[] = [], sql = '') => ({ slug, name, category, description, tags, sql });
const queries = [
  q('moves-by-branch', 'Moves by branch', 'Operational', '', ['crews'], 'select * from job'),
  q('leads-per-week', 'Leads per week', 'Lead Funnel', 'New leads by ISO week', [], 'select * from lead_status'),
  q('lead-sources', 'Lead sources', 'Lead Funnel', 'Where leads come from', ['channels'], 'select * from lead_source'),
];

const shape = (filter: string, favourites: string[] = [], recent: string[] = []) =>
  groupLibrary(queries, filter, { favourites, recent }).map((g) => [g.title, g.queries.map((x) => x.slug)]);

describe('groupLibrary', () => {
  it('groups by category in the order the library lists them, queries sorted by name', () => {
    expect(shape('')).toEqual([
      ['Operational', ['moves-by-branch']],
      ['Lead Funnel', ['lead-sources', 'leads-per-week']],
    ]);
  });

  it('keeps queries matching every word in name, slug, category, description, tags or SQL', () => {
    expect(shape('WEEK lead')).toEqual([['Lead Funnel', ['leads-per-week']]]);
    expect(shape('come from')).toEqual([['Lead Funnel', ['lead-sources']]]);
    expect(shape('operational')).toEqual([['Operational', ['moves-by-branch']]]);
    expect(shape('channels')).toEqual([['Lead Funnel', ['lead-sources']]]);
    expect(shape('lead_status')).toEqual([['Lead Funnel', ['leads-per-week']]]);
    expect(shape('nothing matches')).toEqual([]);
  });

  it('puts Favourites (by name) and Recent (newest first) on top, filtered like the rest', () => {
    expect(shape('', ['moves-by-branch', 'lead-sources', 'gone'], ['leads-per-week', 'moves-by-branch'])).toEqual([
      ['Favourites', ['lead-sources', 'moves-by-branch']],
      ['Recent', ['leads-per-week', 'moves-by-branch']],
      ['Operational', ['moves-by-branch']],
      ['Lead Funnel', ['lead-sources', 'leads-per-week']],
    ]);
    expect(shape('week', ['moves-by-branch'], ['leads-per-week'])).toEqual([
      ['Recent', ['leads-per-week']],
      ['Lead Funnel', ['leads-per-week']],
    ]);
  });
});
