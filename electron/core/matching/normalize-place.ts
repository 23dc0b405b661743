import { collapseSpaces, foldText, titleCaseWord } from './text.ts';

export type PlaceKind = 'branch' | 'lead-source';

/**
 * A branch or lead-source name after normalization.
 *
 * @example normalizePlaceName('Denver Tech Ctr. & Main St', 'branch')
 * // { tokens: ['denver', 'tech', 'center', 'and', 'main', 'street'], key: 'denver tech center and main street',
 * //   squashed: 'denvertechcenterandmainstreet', display: 'Denver Tech Ctr. & Main St', … }
 */
export interface PlaceName {
  raw: string;
  tokens: readonly string[];
  key: string;
  /** All letters and digits without spaces. */
  squashed: string;
  /**
   * The letters of the name without its qualifiers: generic words ("Denver Branch", "Yelp Ads") and,
   * for branches, a trailing US state code ("Denver, CO"). Equal to `squashed` when there are none.
   */
  core: string;
  /** The qualifiers taken off for `core`, as written: ['Branch'], ['CO']. */
  qualifiers: readonly string[];
  /** Branches: a trailing US state code ('co'), or null. Two different states never match. */
  state: string | null;
  display: string;
  notes: PlaceNotes;
}

export interface PlaceNotes {
  /** "abbreviation St → Street" for each expansion made. */
  expansions: readonly string[];
  ampersand: boolean;
  /** "yelp.com" reduced to "yelp". */
  webAddress: boolean;
  /** Legal forms dropped ("Inc", "LLC"). */
  droppedWords: readonly string[];
}

/** Abbreviations in both kinds; "st" is handled apart (Saint first, Street elsewhere). */
const COMMON_ABBREVIATIONS: Readonly<Record<string, string>> = {
  ave: 'avenue', av: 'avenue', rd: 'road', blvd: 'boulevard', ln: 'lane', hwy: 'highway', pkwy: 'parkway',
  ct: 'court', pl: 'place', sq: 'square', mt: 'mount', ft: 'fort', ctr: 'center', cntr: 'center',
  centre: 'center', n: 'north', s: 'south', e: 'east', w: 'west', ne: 'northeast', nw: 'northwest',
  se: 'southeast', sw: 'southwest', intl: 'international', natl: 'national', co: 'company',
  corp: 'corporation', bros: 'brothers', assoc: 'associates', dept: 'department', mgmt: 'management',
  svc: 'service', svcs: 'services', univ: 'university', hq: 'headquarters',
};
const KIND_ABBREVIATIONS: Readonly<Record<PlaceKind, Readonly<Record<string, string>>>> = {
  branch: { dr: 'drive', dt: 'downtown', dwtn: 'downtown' },
  'lead-source': { fb: 'facebook', ig: 'instagram', li: 'linkedin', ref: 'referral', refs: 'referrals', yp: 'yellowpages', bbb: 'better business bureau', tv: 'television', sm: 'social media', ppc: 'pay per click' },
};
const LEGAL_FORMS = new Set(['inc', 'llc', 'ltd', 'plc', 'gmbh', 'lp', 'llp']);
/**
 * Words that qualify a name without naming another place or source: "Denver Branch" is the Denver
 * branch, "Yelp Ads" the Yelp source. They stay in the key (no automatic merge) but not in `core`.
 */
const GENERIC_WORDS: Readonly<Record<PlaceKind, ReadonlySet<string>>> = {
  branch: new Set(['branch', 'office', 'location', 'metro', 'area']),
  'lead-source': new Set(['ad', 'ads', 'advert', 'advertising', 'lead', 'leads']),
};
const US_STATES = new Set([
  'al', 'ak', 'az', 'ar', 'ca', 'co', 'ct', 'de', 'dc', 'fl', 'ga', 'hi', 'id', 'il', 'in', 'ia', 'ks', 'ky', 'la',
  'me', 'md', 'ma', 'mi', 'mn', 'ms', 'mo', 'mt', 'ne', 'nv', 'nh', 'nj', 'nm', 'ny', 'nc', 'nd', 'oh', 'ok', 'or',
  'pa', 'ri', 'sc', 'sd', 'tn', 'tx', 'ut', 'vt', 'va', 'wa', 'wv', 'wi', 'wy',
]);
const WEB_ADDRESS = /\b(?:https?:\/\/)?(?:www\.)?([\p{L}\p{N}-]+)\.(?:com|net|org|io|co|biz|info|us|ca|co\.uk)\b(?:\/\S*)?/giu;

export function normalizePlaceName(
  raw: string,
  kind: PlaceKind,
  extraAbbreviations: Readonly<Record<string, string>> = {},
): PlaceName | null {
  let webAddress = false;
  let text = raw.normalize('NFKC');
  if (kind === 'lead-source') {
    text = text.replace(WEB_ADDRESS, (_match, domain: string) => {
      webAddress = true;
      return domain;
    });
  }
  const folded = foldText(text);
  const ampersand = /[&+]/.test(folded);
  const words = folded.replace(/[&+]/g, ' and ').replace(/['’`ʼ]/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  if (words.length === 0) return null;

  const abbreviations: Record<string, string> = { ...COMMON_ABBREVIATIONS, ...KIND_ABBREVIATIONS[kind] };
  for (const [short, long] of Object.entries(extraAbbreviations)) abbreviations[foldText(short)] = foldText(long);
  const expansions: string[] = [];
  const droppedWords: string[] = [];
  const tokens: string[] = [];
  // "Denver, CO", "Austin TX": a state code after the place name, not an abbreviation (CO → company).
  const lastWord = words[words.length - 1]!;
  const state = kind === 'branch' && words.length >= 2 && US_STATES.has(lastWord) && !(lastWord in extraAbbreviations) ? lastWord : null;
  if (state !== null) words.pop();
  words.forEach((word, index) => {
    if (LEGAL_FORMS.has(word) && words.length > 1) {
      droppedWords.push(word);
      return;
    }
    const expanded = word === 'st' && !(word in extraAbbreviations) ? (index === 0 ? 'saint' : 'street') : abbreviations[word];
    if (expanded !== undefined && expanded !== word) {
      expansions.push(`abbreviation ${titleCaseWord(word)} → ${titleCaseWord(expanded)}`);
      tokens.push(...expanded.split(' '));
    } else {
      tokens.push(word);
    }
  });
  if (tokens.length === 0) return null;
  const generic = GENERIC_WORDS[kind];
  const coreTokens = tokens.filter((token) => !generic.has(token));
  // A qualifier only comes off a real name: "Branch 12" keeps its word.
  const hasCore = coreTokens.some((token) => /^\p{L}{3,}$/u.test(token));
  const qualifiers = hasCore ? tokens.filter((token) => generic.has(token)).map(titleCaseWord) : [];
  if (state !== null) {
    qualifiers.push(state.toUpperCase());
    tokens.push(state);
  }
  return {
    raw,
    tokens,
    key: tokens.join(' '),
    squashed: tokens.join(''),
    core: (hasCore ? coreTokens : tokens.filter((token) => token !== state)).join(''),
    qualifiers,
    state,
    display: placeDisplay(raw),
    notes: { expansions, ampersand, webAddress, droppedWords },
  };
}

/** Keep a deliberately mixed-case spelling; title-case one typed in a single case. */
function placeDisplay(raw: string): string {
  const text = collapseSpaces(raw.normalize('NFKC'));
  const mixed = text !== text.toLowerCase() && text !== text.toUpperCase();
  return mixed ? text : text.split(' ').map(titleCaseWord).join(' ');
}
