import type { LibraryQuerySummary } from '../../../shared/contract/index.ts';

export interface LibraryGroup {
  category: string;
  queries: LibraryQuerySummary[];
}

/**
 * The library grouped by category (categories and queries sorted by name), keeping the queries whose
 * name, slug, category or description contain every word of `filter`, case-insensitively.
 * @example groupLibrary(queries, 'lead week') → [{ category: 'leads', queries: [leads-per-week] }]
 */
export function groupLibrary(queries: readonly LibraryQuerySummary[], filter: string): LibraryGroup[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, LibraryQuerySummary[]>();
  for (const query of queries) {
    const haystack = `${query.name} ${query.slug} ${query.category} ${query.description}`.toLowerCase();
    if (!words.every((word) => haystack.includes(word))) continue;
    const list = groups.get(query.category) ?? [];
    list.push(query);
    groups.set(query.category, list);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
  return [...groups.entries()]
    .sort(([a], [b]) => byName(a, b))
    .map(([category, list]) => ({ category, queries: list.sort((a, b) => byName(a.name, b.name)) }));
}
