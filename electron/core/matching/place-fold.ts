import { GENERIC_WORDS, normalizePlaceName } from './normalize-place.ts';
import type { PlaceKind, PlaceName } from './normalize-place.ts';
import { placeDiscriminators } from './place-compare.ts';
import { dataConflict, dominantState, originSimilarity, profileOf, sharedPeople } from './place-evidence.ts';
import type { EvidenceProfile, PlaceDataEvidence } from './place-evidence.ts';
import { EMPTY_PLACE_KNOWLEDGE } from './place-knowledge.ts';
import type { KnownPlace, PlaceKnowledge } from './place-knowledge.ts';
import { branchReading, leadSourceReading } from './place-reading.ts';
import type { BranchReading } from './place-reading.ts';
import { label } from './text.ts';
import { PLACE_DATA, PLACE_FACTOR } from './thresholds.ts';
import type { NameInput } from './types.ts';
import { UnionFind } from './union-find.ts';

/**
 * @example { knowledge: loadPlaceKnowledge(resourcesDir), evidence: { people, origins } }
 */
export interface PlaceFoldOptions {
  /** The shipped lists (airport codes, city nicknames, states, channel synonyms); without them only the spelling rules apply. */
  knowledge?: PlaceKnowledge;
  abbreviations?: Readonly<Record<string, string>>;
  /** Branches only: what the rows say about each spelling (the pipeline has it, a names file does not). */
  evidence?: PlaceDataEvidence;
}

/**
 * Raw spellings folded into groups that name one branch or lead source, decided from the names, the
 * shipped lists and (for branches, when given) the data. Spellings of one group share `key`; the
 * pipeline makes one row per group and the engine treats a group as one form (automatic merge).
 *
 * @example
 * const folding = foldPlaces([{ name: 'Denver', count: 90 }, { name: 'DEN', count: 4 }], 'branch', { knowledge });
 * folding.keyOf.get('DEN') // 'denver'
 * folding.notesOf.get('DEN') // ['airport code DEN → Denver, CO']
 */
export interface PlaceFolding {
  /** Raw spelling → the key of its group (the normalized key of the group's canonical spelling). */
  keyOf: ReadonlyMap<string, string>;
  /** Raw spelling → why it is in its group beyond its own normalization ("airport code DEN → Denver, CO"). */
  notesOf: ReadonlyMap<string, readonly string[]>;
  /** Raw spelling → how good a display name it makes (higher first): plain names before qualified ones, codes last. */
  rankOf: ReadonlyMap<string, number>;
  /** Raw spelling → the display spelling of its group ("DEN" → 'Denver'). */
  displayOf: ReadonlyMap<string, string>;
  /** Raw spelling → places the lists tie it to ('Denver, CO'), for review links between groups. */
  referencesOf: ReadonlyMap<string, readonly string[]>;
  groups: FoldedGroup[];
  /** Pairs of groups the names or the data suggest but do not prove: review candidates. */
  suggestions: FoldSuggestion[];
}

/** @example { key: 'denver', canonical: 'Denver', count: 98, members: [{ name: 'Denver', count: 90 }, { name: 'DEN', count: 4 }, …] } */
export interface FoldedGroup {
  key: string;
  canonical: string;
  count: number;
  members: { name: string; count: number }[];
}

/** @example { keys: ['aurora', 'denver'], score: 0.85, evidence: ['Aurora shares 2 of 9 sales people with Denver'] } */
export interface FoldSuggestion {
  keys: [string, string];
  score: number;
  evidence: string[];
}

interface Spelling {
  name: string;
  count: number;
  place: PlaceName;
}

interface FoldForm {
  id: number;
  key: string;
  spellings: Spelling[];
  count: number;
  /** The spelling with the most rows. */
  place: PlaceName;
  label: string;
  acronyms: Set<string>;
  initials: Set<string>;
  webSquashed: Set<string>;
  /** Lead sources: the channel tokens after the synonym list, and its generic-free core. */
  concept: string;
  conceptCore: string;
  synonym: string | null;
  /** Branches. */
  reading: BranchReading | null;
  profile: EvidenceProfile | null;
  notes: string[];
}


export function foldPlaces(input: readonly NameInput[], kind: PlaceKind, options: PlaceFoldOptions = {}): PlaceFolding {
  const knowledge = options.knowledge ?? EMPTY_PLACE_KNOWLEDGE;
  const evidence = kind === 'branch' ? options.evidence : undefined;
  const forms = buildFoldForms(input, kind, knowledge, options.abbreviations ?? {}, evidence);
  const sets = new UnionFind(forms.length);
  const suggestions: { a: number; b: number; score: number; evidence: string[] }[] = [];

  /** Joins form `b` to form `a` unless the data disagrees; the reason goes to the notes of `b`. */
  const join = (a: FoldForm, b: FoldForm, why: string, checkData = true): boolean => {
    if (sets.find(a.id) === sets.find(b.id)) return true;
    if (checkData && a.profile && b.profile) {
      const conflict = dataConflict(a.profile, b.profile, a.label, b.label);
      if (conflict !== null) {
        suggestions.push({ a: a.id, b: b.id, score: PLACE_FACTOR.sharedReference, evidence: [why, `kept apart: ${conflict}`] });
        return false;
      }
    }
    sets.union(a.id, b.id);
    b.notes.push(why);
    return true;
  };

  spellingRules(forms, kind, join);
  if (kind === 'lead-source') leadSourceRules(forms, join, sets);
  else branchRules(forms, join, sets);
  acronymRule(forms, kind, join, sets);
  if (evidence) dataRule(forms, sets, join, suggestions);

  return output(forms, sets, kind, knowledge, suggestions);
}

function buildFoldForms(
  input: readonly NameInput[],
  kind: PlaceKind,
  knowledge: PlaceKnowledge,
  abbreviations: Readonly<Record<string, string>>,
  evidence: PlaceDataEvidence | undefined,
): FoldForm[] {
  const counts = new Map<string, number>();
  for (const { name, count } of input) {
    const rows = count === undefined || !Number.isFinite(count) ? 1 : Math.max(0, count);
    counts.set(name, (counts.get(name) ?? 0) + rows);
  }
  const byKey = new Map<string, Spelling[]>();
  for (const [name, count] of counts) {
    const place = normalizePlaceName(name, kind, abbreviations);
    if (place === null || place.key === '') continue;
    const list = byKey.get(place.key);
    if (list) list.push({ name, count, place });
    else byKey.set(place.key, [{ name, count, place }]);
  }
  return [...byKey.keys()].sort().map((key, id) => {
    // Most rows first; on a tie a clean spelling: the list's own name of the channel, well-formed, unabbreviated.
    const preference = (x: Spelling) =>
      (knowledge.channelTitles.has(x.name.trim()) ? 0 : 4) + (x.place.display === x.name.trim() ? 0 : 2) + (x.place.notes.expansions.length > 0 ? 1 : 0);
    const spellings = byKey.get(key)!.sort((a, b) => b.count - a.count || preference(a) - preference(b) || (a.name < b.name ? -1 : 1));
    const place = spellings[0]!.place;
    const reading = kind === 'branch' ? branchReading(place, knowledge) : null;
    const concept = kind === 'lead-source' ? leadSourceReading(place, knowledge) : { tokens: place.tokens, synonym: null };
    const core = concept.tokens.filter((t) => !GENERIC_WORDS['lead-source'].has(t));
    const hasCore = core.some((t) => /^\p{L}{3,}$/u.test(t));
    return {
      id,
      key,
      spellings,
      count: spellings.reduce((sum, s) => sum + s.count, 0),
      place,
      label: spellings[0]!.name.trim(),
      acronyms: new Set(spellings.map((s) => s.place.acronym).filter((a): a is string => a !== null && a.length >= 3)),
      initials: new Set(spellings.flatMap((s) => s.place.initials)),
      webSquashed: new Set(spellings.map((s) => s.place.webSquashed).filter((w): w is string => w !== null)),
      concept: concept.tokens.join(' '),
      conceptCore: (hasCore ? core : concept.tokens).join(' '),
      synonym: concept.synonym,
      reading,
      profile: evidence ? profileOf(spellings.map((s) => s.name), evidence) : null,
      notes: [],
    };
  });
}

type Join = (a: FoldForm, b: FoldForm, why: string, checkData?: boolean) => boolean;

/** Same letters with other spacing ("GoogleAds"), a web address written out ("Movingcom"), a plural ("Billboards"). */
function spellingRules(forms: readonly FoldForm[], kind: PlaceKind, join: Join): void {
  const bySquashed = new Map<string, FoldForm>();
  for (const form of forms) {
    const first = bySquashed.get(form.place.squashed);
    if (first) join(first, form, `same letters, spacing differs (${form.label} ~ ${first.label})`, false);
    else bySquashed.set(form.place.squashed, form);
  }
  if (kind !== 'lead-source') return;
  for (const form of forms) {
    for (const web of form.webSquashed) {
      const other = bySquashed.get(web);
      if (other && other !== form) join(other, form, `web address written without its dot (${other.label} ~ ${form.label})`, false);
    }
    const squashed = form.place.squashed;
    const singular = squashed.length >= 5 && squashed.endsWith('s') ? bySquashed.get(squashed.slice(0, -1)) : undefined;
    if (singular && singular !== form) join(singular, form, `plural (${form.label} ~ ${singular.label})`, false);
  }
}

/** Cores that are the start of a longer, different name ("google" of "google organic"): a bare name there is ambiguous. */
function ambiguousCores(cores: readonly string[]): Set<string> {
  const prefixes = new Set<string>();
  for (const core of cores) {
    const words = core.split(' ');
    for (let i = 1; i < words.length; i++) prefixes.add(words.slice(0, i).join(' '));
  }
  return prefixes;
}

function leadSourceRules(forms: readonly FoldForm[], join: Join, sets: UnionFind): void {
  // The synonym list: "Meta Ads" and "Facebook Ads", "Google AdWords" and "Google Ads".
  const byConcept = new Map<string, FoldForm>();
  for (const form of forms) {
    const first = byConcept.get(form.concept);
    if (!first) byConcept.set(form.concept, form);
    else {
      const synonym = form.synonym ?? first.synonym;
      join(first, form, synonym ? `synonym ${synonym}` : `same name (${form.label} ~ ${first.label})`, false);
    }
  }
  // Generic words: "Yelp Ads" is Yelp, unless "Yelp" alone could be one of several ("Google" next to "Google Organic").
  const ambiguous = ambiguousCores(forms.map((f) => f.conceptCore));
  const byCore = new Map<string, FoldForm[]>();
  for (const form of forms) (byCore.get(form.conceptCore) ?? byCore.set(form.conceptCore, []).get(form.conceptCore)!).push(form);
  for (const [core, list] of byCore) {
    if (list.length < 2 || ambiguous.has(core)) continue;
    const [first, ...rest] = [...list].sort((a, b) => a.concept.split(' ').length - b.concept.split(' ').length || b.count - a.count);
    for (const form of rest) {
      if (sets.find(form.id) === sets.find(first!.id)) continue;
      const extra = [...new Set([...form.concept.split(' '), ...first!.concept.split(' ')])].filter((w) => !core.split(' ').includes(w));
      join(first!, form, `differs only by ${extra.map(label).join(', ')} (${form.label} ~ ${first!.label})`, false);
    }
  }
}

/** The states a branch anchor can be in: its own, else the state its rows show, else the lists' states for its city. */
function anchorStates(form: FoldForm): ReadonlySet<string> | null {
  if (form.place.state !== null) return new Set([form.place.state]);
  const data = form.profile ? dominantState(form.profile) : null;
  if (data !== null) return new Set([data]);
  return form.reading?.anchor?.states ?? null;
}

function branchRules(forms: readonly FoldForm[], join: Join, sets: UnionFind): void {
  const anchors = forms.filter((f) => f.reading?.anchor);
  const coreOf = (f: FoldForm) => f.place.coreTokens.join(' ');
  // Qualifiers and states: "Denver Branch", "Denver, CO" and "Denver" are one office, unless "Denver"
  // could be one of several ("Denver East") or the states disagree ("Portland, OR" / "Portland, ME").
  const ambiguous = ambiguousCores(anchors.map(coreOf));
  const byCore = new Map<string, FoldForm[]>();
  for (const form of anchors) (byCore.get(coreOf(form)) ?? byCore.set(coreOf(form), []).get(coreOf(form))!).push(form);
  for (const [core, list] of byCore) {
    if (list.length < 2 || ambiguous.has(core)) continue;
    const sorted = [...list].sort((a, b) => a.place.qualifiers.length - b.place.qualifiers.length || b.count - a.count || a.id - b.id);
    const explicit = new Set(sorted.map((f) => f.place.state).filter((s): s is string => s !== null));
    // Which state each spelling stands for: its own; for a bare name the one state written elsewhere
    // (unless its data or the lists place it elsewhere), or with several states the one its data shows.
    const classOf = (form: FoldForm): string | null | undefined => {
      if (form.place.state !== null) return form.place.state;
      if (explicit.size === 0) return null;
      if (explicit.size === 1) {
        const [state] = explicit as Set<string>;
        const states = anchorStates(form);
        return states === null || states.has(state!) ? state : undefined;
      }
      const data = form.profile ? dominantState(form.profile) : null;
      return data !== null && explicit.has(data) ? data : undefined;
    };
    const hubs = new Map<string | null, FoldForm>();
    for (const form of sorted) {
      const state = classOf(form);
      if (state === undefined) continue;
      const hub = hubs.get(state);
      if (hub) join(hub, form, qualifierEvidence(form, hub));
      else hubs.set(state, form);
    }
  }
  // Codes, nicknames, abbreviated states, two-city names: into the one office whose name is that place.
  const matches = (place: KnownPlace, anchor: FoldForm): boolean => {
    if (anchor.reading!.anchor!.city !== place.city) return false;
    const states = anchorStates(anchor);
    return states === null || states.has(place.state);
  };
  const unmatched = new Map<string, FoldForm>();
  for (const form of forms) {
    const refers = form.reading?.refers;
    if (!refers) continue;
    const fitting = anchors.filter((a) => refers.places.some((p) => matches(p, a)));
    // An office whose state is certain ("Portland, OR") beats a bare name the lists place in two states ("Portland").
    const certain = fitting.filter((a) => anchorStates(a)?.size === 1);
    const candidates = new Set(certain.map((a) => sets.find(a.id))).size === 1 ? certain : fitting;
    const groups = new Set(candidates.map((a) => sets.find(a.id)));
    if (groups.size === 1) {
      const [best] = [...candidates].sort((a, b) => a.place.qualifiers.length - b.place.qualifiers.length || b.count - a.count || a.id - b.id);
      join(best!, form, refers.evidence);
    } else {
      // No office, or several, fit: spellings naming exactly the same places still go together ("DFW", "Dallas/Fort Worth").
      const places = [...new Set(refers.places.map((p) => p.label))].sort().join(' / ');
      const first = unmatched.get(places);
      if (first) join(first, form, refers.evidence);
      else unmatched.set(places, form);
    }
  }
}

function qualifierEvidence(form: FoldForm, into: FoldForm): string {
  const words = [...new Set([...form.place.qualifiers, ...into.place.qualifiers])].filter(
    (q) => !(form.place.qualifiers.includes(q) && into.place.qualifiers.includes(q)),
  );
  return `differs only by ${words.join(', ')} (${form.label} ~ ${into.label})`;
}

/** "MMR" for "My Moving Reviews", "GMB" for "Google My Business": an all-capital word spelling the initials of one name only. */
function acronymRule(forms: readonly FoldForm[], kind: PlaceKind, join: Join, sets: UnionFind): void {
  for (const form of forms) {
    if (kind === 'branch' && (form.reading?.refers || form.reading?.anchor?.known)) continue;
    for (const acronym of form.acronyms) {
      const spelled = forms.filter((f) => f !== form && f.initials.has(acronym));
      const groups = new Set(spelled.map((f) => sets.find(f.id)));
      if (groups.size !== 1 || groups.has(sets.find(form.id))) continue;
      join(spelled[0]!, form, `acronym ${acronym.toUpperCase()} = ${spelled[0]!.label}`);
      break;
    }
  }
}

/**
 * A branch spelling the names do not place ("Mile Hi Office") folds into the one office whose sales
 * people it mostly shares, in the same state and, with enough rows, from the same cities; a weaker
 * overlap is a review candidate.
 */
function dataRule(forms: readonly FoldForm[], sets: UnionFind, join: Join, suggestions: { a: number; b: number; score: number; evidence: string[] }[]): void {
  const groups = () => {
    const map = new Map<number, FoldForm[]>();
    for (const form of forms) (map.get(sets.find(form.id)) ?? map.set(sets.find(form.id), []).get(sets.find(form.id))!).push(form);
    return map;
  };
  const current = groups();
  const profiles = new Map<number, EvidenceProfile>();
  const headOf = new Map<number, FoldForm>();
  for (const [root, list] of current) {
    profiles.set(root, mergeProfiles(list.map((f) => f.profile!)));
    headOf.set(root, [...list].sort((a, b) => b.count - a.count || a.id - b.id)[0]!);
  }
  for (const [root, list] of current) {
    if (!list.every((f) => f.reading?.anchor && !f.reading.anchor.known)) continue;
    const mine = profiles.get(root)!;
    const head = headOf.get(root)!;
    if (mine.people.size === 0) continue;
    const state = dominantState(mine);
    const fits: { root: number; shared: number; similarity: number | null }[] = [];
    for (const [other, theirs] of profiles) {
      if (other === root) continue;
      const shared = sharedPeople(mine, theirs);
      if (shared < PLACE_DATA.suggestMinSharedPeople) continue;
      const otherHead = headOf.get(other)!;
      const similarity = originSimilarity(mine, theirs);
      const strong =
        placeDiscriminators(head.place.tokens) === placeDiscriminators(otherHead.place.tokens) &&
        shared >= PLACE_DATA.foldMinSharedPeople &&
        shared >= PLACE_DATA.foldMinSharedShare * mine.people.size &&
        state !== null &&
        state === dominantState(theirs) &&
        (similarity === null || similarity >= PLACE_DATA.foldMinOriginSimilarity);
      if (strong) fits.push({ root: other, shared, similarity });
      else suggestions.push({ a: head.id, b: otherHead.id, score: PLACE_FACTOR.sharedReference, evidence: [peopleEvidence(head, otherHead, shared, mine, state, similarity)] });
    }
    if (fits.length === 1) {
      const fit = fits[0]!;
      join(headOf.get(fit.root)!, head, peopleEvidence(head, headOf.get(fit.root)!, fit.shared, mine, state, fit.similarity), false);
    } else {
      for (const fit of fits) {
        suggestions.push({ a: head.id, b: headOf.get(fit.root)!.id, score: PLACE_FACTOR.sharedReference, evidence: [peopleEvidence(head, headOf.get(fit.root)!, fit.shared, mine, state, fit.similarity), 'kept apart: more than one office fits'] });
      }
    }
  }
}

function peopleEvidence(form: FoldForm, into: FoldForm, shared: number, mine: EvidenceProfile, state: string | null, similarity: number | null): string {
  const where = state === null ? '' : `, moves start in ${state.toUpperCase()}`;
  const cities = similarity === null ? '' : `, origin cities alike (cosine ${similarity.toFixed(2)})`;
  return `${form.label} shares ${shared} of its ${mine.people.size} sales people with ${into.label}${where}${cities}`;
}

function mergeProfiles(profiles: readonly EvidenceProfile[]): EvidenceProfile {
  const out: EvidenceProfile = { people: new Map(), origins: new Map(), states: new Map() };
  for (const p of profiles) {
    for (const field of ['people', 'origins', 'states'] as const) {
      for (const [k, v] of p[field]) out[field].set(k, (out[field].get(k) ?? 0) + v);
    }
  }
  return out;
}

/** How good a display name a form makes: a channel's own name or a plain place name first, codes and nicknames last. */
function formRank(form: FoldForm, kind: PlaceKind, knowledge: PlaceKnowledge): number {
  if (kind === 'lead-source') {
    if (knowledge.channelNames.has(form.place.squashed)) return 3;
    return form.synonym === null && form.concept === form.conceptCore ? 2 : 1;
  }
  if (!form.reading?.anchor) return 1;
  return form.place.qualifiers.length === 0 ? 3 : 2;
}

function output(
  forms: readonly FoldForm[],
  sets: UnionFind,
  kind: PlaceKind,
  knowledge: PlaceKnowledge,
  suggestions: readonly { a: number; b: number; score: number; evidence: string[] }[],
): PlaceFolding {
  const byRoot = new Map<number, FoldForm[]>();
  for (const form of forms) (byRoot.get(sets.find(form.id)) ?? byRoot.set(sets.find(form.id), []).get(sets.find(form.id))!).push(form);
  const keyOf = new Map<string, string>();
  const notesOf = new Map<string, readonly string[]>();
  const rankOf = new Map<string, number>();
  const referencesOf = new Map<string, readonly string[]>();
  const displayOf = new Map<string, string>();
  const groupKey = new Map<number, string>();
  const groups: FoldedGroup[] = [];
  // A city name two groups share ("Portland" in OR and in ME) reads better with its state.
  const coreGroups = new Map<string, Set<number>>();
  for (const form of forms) (coreGroups.get(form.place.core) ?? coreGroups.set(form.place.core, new Set()).get(form.place.core)!).add(sets.find(form.id));
  const rank = (form: FoldForm) =>
    formRank(form, kind, knowledge) + (kind === 'branch' && form.place.state !== null && (coreGroups.get(form.place.core)?.size ?? 0) > 1 ? 2 : 0);
  for (const [root, list] of byRoot) {
    const ranked = [...list].sort((a, b) => rank(b) - rank(a) || b.count - a.count || (a.key < b.key ? -1 : 1));
    const head = ranked[0]!;
    groupKey.set(root, head.key);
    const display = head.spellings[0]!.place.display;
    for (const form of list) {
      const references = referencesOfForm(form);
      for (const s of form.spellings) {
        keyOf.set(s.name, head.key);
        notesOf.set(s.name, form.notes);
        rankOf.set(s.name, rank(form));
        displayOf.set(s.name, display);
        referencesOf.set(s.name, references);
      }
    }
    const members = list.flatMap((f) => f.spellings.map((s) => ({ name: s.name, count: s.count }))).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
    groups.push({ key: head.key, canonical: head.spellings[0]!.name, count: members.reduce((n, m) => n + m.count, 0), members });
  }
  const seen = new Set<string>();
  const pairs: FoldSuggestion[] = [];
  for (const s of suggestions) {
    const keys = [groupKey.get(sets.find(s.a))!, groupKey.get(sets.find(s.b))!].sort() as [string, string];
    if (keys[0] === keys[1] || seen.has(keys.join('|'))) continue;
    seen.add(keys.join('|'));
    pairs.push({ keys, score: s.score, evidence: s.evidence });
  }
  return { keyOf, notesOf, rankOf, displayOf, referencesOf, groups: groups.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)), suggestions: pairs };
}

function referencesOfForm(form: FoldForm): string[] {
  const reading = form.reading;
  if (!reading) return [];
  return [...new Set((reading.refers?.places ?? reading.anchor?.places ?? []).map((p) => p.label))];
}
