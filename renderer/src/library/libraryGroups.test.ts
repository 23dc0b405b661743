import { describe, expect, it } from 'vitest';
import { groupLibrary } from './libraryGroups.ts';

const q = (slug: string, name: string, category: string, description = '') => ({ slug, name, category, description });
const queries = [
  q('leads-per-week', 'Leads per week', 'leads', 'New leads by ISO week'),
  q('moves-by-branch', 'Moves by branch', 'operations'),
  q('lead-sources', 'Lead sources', 'leads', 'Where leads come from'),
];

const shape = (filter: string) => groupLibrary(queries, filter).map((g) => [g.category, g.queries.map((x) => x.slug)]);

describe('groupLibrary', () => {
  it('groups by category, both sorted by name', () => {
    expect(shape('')).toEqual([
      ['leads', ['lead-sources', 'leads-per-week']],
      ['operations', ['moves-by-branch']],
    ]);
  });

  it('keeps queries matching every word anywhere in name, slug, category or description', () => {
    expect(shape('WEEK lead')).toEqual([['leads', ['leads-per-week']]]);
    expect(shape('come from')).toEqual([['leads', ['lead-sources']]]);
    expect(shape('operations')).toEqual([['operations', ['moves-by-branch']]]);
    expect(shape('nothing matches')).toEqual([]);
  });
});
