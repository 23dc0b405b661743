import { normalizePlaceName, US_STATE_CODES } from './normalize-place.ts';
import { foldText } from './text.ts';

/**
 * A city, in the shape the place rules compare: squashed letters ('fortworth') and a state code ('tx').
 *
 * @example { city: 'fortworth', state: 'tx', label: 'Fort Worth, TX' }
 */
export interface KnownPlace {
  city: string;
  state: string;
  label: string;
}

/**
 * General knowledge the branch and lead-source rules use, parsed from the files under resources/
 * (see each folder's README). Everything is keyed by squashed normalized letters, so "Music City",
 * "MUSIC CITY" and "MusicCity" find the same entry.
 *
 * @example
 * const knowledge = parsePlaceKnowledge({ airports: 'iata,airport,cities,state\nDEN,Denver International Airport,Denver,CO\n' });
 * knowledge.airports.get('den') // [{ city: 'denver', state: 'co', label: 'Denver, CO' }]
 */
export interface PlaceKnowledge {
  /** IATA code → the cities the airport serves. */
  airports: ReadonlyMap<string, readonly KnownPlace[]>;
  /** City nickname or metro name ("musiccity") → its cities. */
  nicknames: ReadonlyMap<string, readonly KnownPlace[]>;
  /** Every city named by the lists → where it is ('portland' → Portland, OR and Portland, ME). */
  cities: ReadonlyMap<string, readonly KnownPlace[]>;
  /** State postal code, name or traditional abbreviation ('co', 'colorado', 'colo') → the state's name words. */
  stateWords: ReadonlyMap<string, readonly string[]>;
  /** Lead-source phrase ("metaads" no, "meta" yes) → the canonical channel name's tokens ('facebook'). */
  channels: ReadonlyMap<string, readonly string[]>;
  /** The canonical channel names themselves, squashed, so a name already canonical is known as one. */
  channelNames: ReadonlySet<string>;
  /** The canonical channel names as the list writes them ("Google Organic", "Walk-in"), a preferred display. */
  channelTitles: ReadonlySet<string>;
}

/** The CSV texts of the shipped lists; any may be left out (then that kind of knowledge is empty). */
export interface PlaceKnowledgeSources {
  /** `code,name,abbreviations` (abbreviations `;`-separated). */
  states?: string;
  /** `iata,airport,cities,state` (cities `;`-separated). */
  airports?: string;
  /** `nickname,city,state`. */
  nicknames?: string;
  /** `name,same_as`. */
  channels?: string;
}

export const EMPTY_PLACE_KNOWLEDGE: PlaceKnowledge = parsePlaceKnowledge({});

/** Squashed normalized letters of a phrase, as the branch rules see it ("St. Louis" → 'saintlouis'). */
export function placeLetters(text: string, kind: 'branch' | 'lead-source' = 'branch'): string {
  const name = normalizePlaceName(text, kind);
  return name === null ? '' : kind === 'branch' && name.state !== null ? name.tokens.slice(0, -1).join('') : name.squashed;
}

/** Rows of a simple CSV (no quoted fields: the shipped lists use `;` inside a field), header checked. */
function rows(text: string | undefined, header: readonly string[], what: string): string[][] {
  if (text === undefined) return [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const head = (lines[0] ?? '').split(',').map((h) => h.trim());
  if (head.join(',') !== header.join(',')) throw new Error(`${what}: expected the header ${header.join(',')}, found ${lines[0] ?? '(none)'}`);
  return lines.slice(1).flatMap((line, index) => {
    if (line.trim() === '') return [];
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length !== header.length) throw new Error(`${what} line ${index + 2}: expected ${header.length} fields, got "${line}"`);
    return [fields];
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function parsePlaceKnowledge(sources: PlaceKnowledgeSources): PlaceKnowledge {
  const stateWords = new Map<string, readonly string[]>();
  const addState = (code: string, name: string, abbreviations: readonly string[]) => {
    const words = foldText(name).split(/[^\p{L}]+/u).filter((w) => w !== '');
    for (const alias of [code, name, ...abbreviations]) {
      const key = foldText(alias).replace(/[^\p{L}]/gu, '');
      if (key !== '') stateWords.set(key, words);
    }
  };
  for (const [code, name] of Object.entries(US_STATE_CODES)) addState(code, name, []);
  for (const [code, name, abbreviations] of rows(sources.states, ['code', 'name', 'abbreviations'], 'state list')) {
    addState(code!, name!, abbreviations!.split(';').filter((a) => a.trim() !== ''));
  }

  const cities = new Map<string, KnownPlace[]>();
  const place = (city: string, state: string): KnownPlace => {
    const code = state.trim().toLowerCase();
    if (!Object.hasOwn(US_STATE_CODES, code)) throw new Error(`unknown state "${state}" for ${city}`);
    const letters = placeLetters(city);
    const found = { city: letters, state: code, label: `${city.trim()}, ${code.toUpperCase()}` };
    const list = cities.get(letters);
    if (!list) cities.set(letters, [found]);
    else if (!list.some((p) => p.state === code)) list.push(found);
    return found;
  };
  const airports = new Map<string, KnownPlace[]>();
  for (const [iata, , served, state] of rows(sources.airports, ['iata', 'airport', 'cities', 'state'], 'airport list')) {
    if (!/^[A-Z]{3}$/.test(iata!)) throw new Error(`airport list: "${iata}" is not an IATA code`);
    for (const city of served!.split(';')) push(airports, iata!.toLowerCase(), place(city, state!));
  }
  const nicknames = new Map<string, KnownPlace[]>();
  for (const [nickname, city, state] of rows(sources.nicknames, ['nickname', 'city', 'state'], 'city nickname list')) {
    push(nicknames, placeLetters(nickname!), place(city!, state!));
  }

  const channels = new Map<string, readonly string[]>();
  const channelNames = new Set<string>();
  const channelTitles = new Set<string>();
  for (const [name, sameAs] of rows(sources.channels, ['name', 'same_as'], 'channel synonym list')) {
    const target = normalizePlaceName(sameAs!, 'lead-source');
    const from = normalizePlaceName(name!, 'lead-source');
    if (target === null || from === null) throw new Error(`channel synonym list: cannot read "${name}" → "${sameAs}"`);
    channels.set(from.squashed, target.tokens);
    channelNames.add(target.squashed);
    channelTitles.add(sameAs!);
  }
  return { airports, nicknames, cities, stateWords, channels, channelNames, channelTitles };
}
