import type { LibraryQuery } from '../../../shared/contract/index.ts';

export interface LibraryGroup {
  /** Stable key: 'favourites', 'recent', or 'category:<name>'. */
  id: string;
  title: string;
  queries: LibraryQuery[];
}

/** The user's own lists, by slug: favourites, and recently run queries newest first. */
export interface PersonalLists {
  favourites: readonly string[];
  recent: readonly string[];
}

type Searchable = Pick<LibraryQuery, 'slug' | 'name' | 'category' | 'description'> & Partial<Pick<LibraryQuery, 'tags' | 'sql'>>;

/** True when the query's name, slug, category, description, tags or SQL contain every word of `filter`. */
export function matchesFilter(query: Searchable, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = `${query.name} ${query.slug} ${query.category} ${query.description} ${(query.tags ?? []).join(' ')} ${query.sql ?? ''}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });

/**
 * The library as the panel shows it: Favourites and Recent first (when they have matching queries),
 * then the categories in the order the library lists them, each sorted by name; only queries matching
 * every word of `filter` (case-insensitively, over name, slug, category, description, tags and SQL).
 * @example groupLibrary(queries, 'lead week', { favourites: [], recent: [] }) → [{ id: 'category:Lead Funnel', title: 'Lead Funnel', queries: [leads-per-week] }]
 */
export function groupLibrary<Q extends Searchable>(queries: readonly Q[], filter: string, personal: PersonalLists = { favourites: [], recent: [] }): { id: string; title: string; queries: Q[] }[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = queries.filter((q) => matchesFilter(q, words));
  const bySlug = new Map(matching.map((q) => [q.slug, q]));
  const groups: { id: string; title: string; queries: Q[] }[] = [];
  const favourites = personal.favourites.flatMap((slug) => bySlug.get(slug) ?? []).sort(byName);
  if (favourites.length > 0) groups.push({ id: 'favourites', title: 'Favourites', queries: favourites });
  const recent = personal.recent.flatMap((slug) => bySlug.get(slug) ?? []);
  if (recent.length > 0) groups.push({ id: 'recent', title: 'Recent', queries: recent });
  const categories = new Map<string, Q[]>();
  for (const query of matching) {
    const list = categories.get(query.category) ?? [];
    list.push(query);
    categories.set(query.category, list);
  }
  for (const [category, list] of categories) groups.push({ id: `category:${category}`, title: category, queries: list.sort(byName) });
  return groups;
}
