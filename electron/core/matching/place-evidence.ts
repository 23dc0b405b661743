import { PLACE_DATA } from './thresholds.ts';

/**
 * What the data says about each raw branch spelling, gathered by the pipeline from the rows that
 * carry it: the sales people seen with it (normalized name keys) and where its moves start.
 *
 * @example
 * { people: new Map([['DEN', new Map([['john smith', 40], ['kate lee', 12]])]]),
 *   origins: new Map([['DEN', new Map([['denver|co', 30], ['aurora|co', 9]])]]) }
 */
export interface PlaceDataEvidence {
  /** Raw spelling → sales-person name key → rows. */
  people: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Raw spelling → origin `city|state` (squashed city letters, state code) → rows. */
  origins: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** The evidence of several spellings taken together (one form or one group). */
export interface EvidenceProfile {
  people: Map<string, number>;
  origins: Map<string, number>;
  states: Map<string, number>;
}

function addAll(target: Map<string, number>, source: ReadonlyMap<string, number> | undefined): void {
  if (!source) return;
  for (const [key, rows] of source) target.set(key, (target.get(key) ?? 0) + rows);
}

export function profileOf(raws: Iterable<string>, evidence: PlaceDataEvidence): EvidenceProfile {
  const profile: EvidenceProfile = { people: new Map(), origins: new Map(), states: new Map() };
  for (const raw of raws) {
    addAll(profile.people, evidence.people.get(raw));
    addAll(profile.origins, evidence.origins.get(raw));
  }
  for (const [origin, rows] of profile.origins) {
    const state = origin.slice(origin.lastIndexOf('|') + 1);
    if (state !== '') profile.states.set(state, (profile.states.get(state) ?? 0) + rows);
  }
  return profile;
}

/** The state most moves start in, when enough rows say so clearly; null otherwise. */
export function dominantState(profile: EvidenceProfile): string | null {
  let total = 0;
  let best: [string, number] | null = null;
  for (const [state, rows] of profile.states) {
    total += rows;
    if (best === null || rows > best[1] || (rows === best[1] && state < best[0])) best = [state, rows];
  }
  if (best === null || total < PLACE_DATA.stateMinRows || best[1] < PLACE_DATA.stateMinShare * total) return null;
  return best[0];
}

/** Sales-person name keys seen with both. */
export function sharedPeople(a: EvidenceProfile, b: EvidenceProfile): number {
  let shared = 0;
  for (const key of a.people.keys()) if (b.people.has(key)) shared++;
  return shared;
}

/** Cosine similarity of the origin-city row counts, or null when either side has too few rows. */
export function originSimilarity(a: EvidenceProfile, b: EvidenceProfile): number | null {
  const rows = (p: EvidenceProfile) => [...p.origins.values()].reduce((s, n) => s + n, 0);
  if (rows(a) < PLACE_DATA.originMinRows || rows(b) < PLACE_DATA.originMinRows) return null;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [key, x] of a.origins) {
    na += x * x;
    dot += x * (b.origins.get(key) ?? 0);
  }
  for (const y of b.origins.values()) nb += y * y;
  return na === 0 || nb === 0 ? null : dot / Math.sqrt(na * nb);
}

/**
 * Why the data says two spellings are not one office, or null: their moves start in different
 * states, or each has many sales people and they share none.
 *
 * @example dataConflict(portlandOregon, portlandMaine, 'Portland', 'Portland, ME') // 'the data puts Portland in OR and Portland, ME in ME'
 */
export function dataConflict(a: EvidenceProfile, b: EvidenceProfile, labelA: string, labelB: string): string | null {
  const stateA = dominantState(a);
  const stateB = dominantState(b);
  if (stateA !== null && stateB !== null && stateA !== stateB) {
    return `the data puts ${labelA} in ${stateA.toUpperCase()} and ${labelB} in ${stateB.toUpperCase()}`;
  }
  if (a.people.size >= PLACE_DATA.disjointMinPeople && b.people.size >= PLACE_DATA.disjointMinPeople && sharedPeople(a, b) === 0) {
    return `${labelA} and ${labelB} share none of their sales people (${a.people.size} and ${b.people.size})`;
  }
  return null;
}
