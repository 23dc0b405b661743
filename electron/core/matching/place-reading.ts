import type { PlaceName } from './normalize-place.ts';
import type { KnownPlace, PlaceKnowledge } from './place-knowledge.ts';
import { label } from './text.ts';

/**
 * What a branch spelling names, as far as the shipped lists tell:
 * - an **anchor** is a name that is itself a place name ("Denver", "Denver Branch", "Denver, CO",
 *   "Denver East"): `city` is its core letters, `states` the states it can be in (its own state, else
 *   the states the lists know for that city, else null = unknown);
 * - a **reference** names places by a code, a nickname, an abbreviated state or two city names
 *   ("DEN", "Music City", "Colo Springs", "Dallas/Fort Worth"): `places` and the reason.
 *
 * @example branchReading(normalizePlaceName('DEN', 'branch')!, knowledge)
 * // { anchor: null, refers: { places: [{ city: 'denver', state: 'co', label: 'Denver, CO' }], evidence: 'airport code DEN → Denver, CO' } }
 */
export interface BranchReading {
  anchor: { city: string; states: ReadonlySet<string> | null; known: boolean; places: readonly KnownPlace[] } | null;
  refers: { places: readonly KnownPlace[]; evidence: string } | null;
}

const AIRPORT_CODE = /^[a-z]{3}$/;

function known(city: string, knowledge: PlaceKnowledge, state: string | null): KnownPlace[] {
  return (knowledge.cities.get(city) ?? []).filter((p) => state === null || p.state === state);
}

/** Places a run of tokens names: a listed city, a nickname, or an airport code. */
function resolveTokens(tokens: readonly string[], knowledge: PlaceKnowledge, state: string | null): { places: KnownPlace[]; how: string } | null {
  const letters = tokens.join('');
  const filter = (places: readonly KnownPlace[]) => places.filter((p) => state === null || p.state === state);
  const cities = known(letters, knowledge, state);
  if (cities.length > 0) return { places: cities, how: 'city' };
  const nickname = filter(knowledge.nicknames.get(letters) ?? []);
  if (nickname.length > 0) return { places: nickname, how: 'nickname' };
  if (tokens.length === 1 && AIRPORT_CODE.test(letters)) {
    const airport = filter(knowledge.airports.get(letters) ?? []);
    if (airport.length > 0) return { places: airport, how: 'airport' };
  }
  return null;
}

const placeLabels = (places: readonly KnownPlace[]): string => [...new Set(places.map((p) => p.label))].join(' / ');

export function branchReading(name: PlaceName, knowledge: PlaceKnowledge): BranchReading {
  const tokens = name.coreTokens;
  const city = name.core;
  const listed = known(city, knowledge, name.state);
  if (listed.length > 0) return { anchor: { city, states: new Set(listed.map((p) => p.state)), known: true, places: listed }, refers: null };
  const written = name.raw.trim();
  const direct = resolveTokens(tokens, knowledge, name.state);
  if (direct && direct.how !== 'city') {
    const what = direct.how === 'airport' ? `airport code ${written.toUpperCase()}` : `nickname ${written}`;
    return { anchor: null, refers: { places: direct.places, evidence: `${what} → ${placeLabels(direct.places)}` } };
  }
  // "Colo Springs", "CO Springs": a state abbreviation inside the name, read as the state's name.
  for (let i = 0; i < tokens.length; i++) {
    const stateName = knowledge.stateWords.get(tokens[i]!);
    if (!stateName || tokens.length < 2 || stateName.join('') === tokens[i]) continue;
    const reading = [...tokens.slice(0, i), ...stateName, ...tokens.slice(i + 1)];
    const found = resolveTokens(reading, knowledge, name.state);
    if (found) {
      return {
        anchor: null,
        refers: { places: found.places, evidence: `${label(tokens[i]!)} read as ${stateName.map(label).join(' ')} → ${placeLabels(found.places)}` },
      };
    }
  }
  // "Dallas/Fort Worth", "Minneapolis - St. Paul", "Raleigh Durham": every part a listed place.
  const splits = name.parts.length >= 2 ? [name.parts] : twoCitySplits(tokens);
  for (const parts of splits) {
    const resolved = parts.map((part) => resolveTokens(part, knowledge, name.state));
    if (resolved.every((r) => r !== null)) {
      const places = resolved.flatMap((r) => r!.places);
      return { anchor: null, refers: { places, evidence: `${written} names ${parts.length} places → ${placeLabels(places)}` } };
    }
  }
  return { anchor: { city, states: name.state ? new Set([name.state]) : null, known: false, places: [] }, refers: null };
}

/** Every way to cut 2+ tokens into two runs ("dallas fort worth" → dallas | fort worth, dallas fort | worth). */
function twoCitySplits(tokens: readonly string[]): string[][][] {
  const out: string[][][] = [];
  for (let i = 1; i < tokens.length; i++) out.push([tokens.slice(0, i), tokens.slice(i)]);
  return out;
}

/**
 * The channel a lead-source spelling names, after the synonym list: the tokens of the canonical name
 * (with the spelling's own generic words kept), and the synonym used, if any.
 *
 * @example leadSourceReading(normalizePlaceName('Meta Ads', 'lead-source')!, knowledge)
 * // { tokens: ['facebook', 'ads'], synonym: 'Meta → Facebook' }
 */
export function leadSourceReading(name: PlaceName, knowledge: PlaceKnowledge): { tokens: readonly string[]; synonym: string | null } {
  const whole = knowledge.channels.get(name.squashed);
  if (whole) return { tokens: whole, synonym: `${name.raw.trim()} → ${whole.map(label).join(' ')}` };
  const core = knowledge.channels.get(name.core);
  if (core && name.core !== name.squashed) {
    const qualifiers = name.tokens.filter((t) => !name.coreTokens.includes(t));
    return { tokens: [...core, ...qualifiers], synonym: `${name.coreTokens.map(label).join(' ')} → ${core.map(label).join(' ')}` };
  }
  return { tokens: name.tokens, synonym: null };
}
