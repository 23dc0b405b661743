import type { FormView, Matcher, NormalizedName } from './matcher.ts';
import type { NameInput } from './types.ts';
import { collapseSpaces } from './text.ts';

/** One raw spelling with its row count and normalization. */
export interface Spelling<N> {
  name: string;
  count: number;
  normalized: N;
}

/** All raw spellings sharing one normalized key. */
export interface Form<N> {
  view: FormView<N>;
  /** Most rows first. */
  spellings: Spelling<N>[];
  /** The spelling shown for this form (see displaySpelling). */
  display: string;
  /** The raw spelling closest to `display`, used as the anchor of same-key links. */
  anchor: Spelling<N>;
}

/**
 * Sum counts per raw spelling, normalize, and group by key. Forms are sorted by key so that ids (and
 * therefore tie-breaks) do not depend on input order. Spellings that normalize to nothing are dropped.
 */
export function buildForms<N extends NormalizedName>(matcher: Matcher<N>, input: readonly NameInput[]): Form<N>[] {
  const counts = new Map<string, number>();
  for (const { name, count } of input) {
    const rows = count === undefined || !Number.isFinite(count) ? 1 : Math.max(0, count);
    counts.set(name, (counts.get(name) ?? 0) + rows);
  }
  const byKey = new Map<string, Spelling<N>[]>();
  for (const [name, count] of counts) {
    const normalized = matcher.normalize(name);
    if (normalized === null) continue;
    const spelling = { name, count, normalized };
    const list = byKey.get(normalized.key);
    if (list) list.push(spelling);
    else byKey.set(normalized.key, [spelling]);
  }
  const keys = [...byKey.keys()].sort();
  return keys.map((key, id) => {
    const spellings = byKey.get(key)!.sort((a, b) => b.count - a.count || compareText(a.name, b.name));
    const { display, anchor } = displaySpelling(spellings);
    const count = spellings.reduce((sum, s) => sum + s.count, 0);
    return { view: { id, name: anchor.normalized, count, label: display }, spellings, display, anchor };
  });
}

/**
 * The most frequent well-formed spelling (one that already reads like its clean display form, e.g.
 * "John Smith" rather than "SMITH, JOHN"); when none is well-formed, the clean display form of the
 * most frequent spelling.
 */
export function displaySpelling<N extends NormalizedName>(spellings: readonly Spelling<N>[]): { display: string; anchor: Spelling<N> } {
  const wellFormed = spellings.find((s) => collapseSpaces(s.name) === s.normalized.display);
  if (wellFormed) return { display: wellFormed.name, anchor: wellFormed };
  const top = spellings[0]!;
  return { display: top.normalized.display, anchor: top };
}

/** Locale-independent ordering, so that results are identical on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
