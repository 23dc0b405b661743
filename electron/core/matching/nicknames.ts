import { damerauLevenshtein } from './damerau-levenshtein.ts';
import { deletionVariants, foldText } from './text.ts';

/**
 * Given names and their nicknames, as listed in resources/nicknames/names.csv
 * (`robert,has_nickname,bob`). The list is not symmetric and not clean (bill → robert, jon ↔ john),
 * so the matcher treats any listed link, in either direction, as evidence and never as proof.
 *
 * @example
 * const map = parseNicknameCsv('name1,relationship,name2\nrobert,has_nickname,bob\n');
 * nicknameRelation(map, 'bob', 'robert') // { kind: 'nickname', nickname: 'bob', formal: 'robert' }
 */
export interface NicknameMap {
  /** formal name → nicknames listed for it */
  readonly nicknamesOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** nickname → formal names it is listed for */
  readonly formalsOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** every listed name → the names it is linked with in either direction */
  readonly linkedWith: ReadonlyMap<string, ReadonlySet<string>>;
}

export type NicknameRelation =
  | { kind: 'nickname'; nickname: string; formal: string }
  | { kind: 'shared'; names: [string, string]; via: string };

/** Parse the `name1,relationship,name2` CSV; rows whose relationship is not `has_nickname` are ignored. */
export function parseNicknameCsv(text: string): NicknameMap {
  const nicknamesOf = new Map<string, Set<string>>();
  const formalsOf = new Map<string, Set<string>>();
  const linkedWith = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string): void => {
    let set = map.get(key);
    if (set === undefined) map.set(key, (set = new Set()));
    set.add(value);
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '' || (index === 0 && line.startsWith('name1,'))) return;
    const fields = line.split(',');
    if (fields.length !== 3) throw new Error(`nickname list line ${index + 1}: expected 3 fields, got "${line}"`);
    const [rawFormal, relationship, rawNickname] = fields as [string, string, string];
    if (relationship.trim() !== 'has_nickname') return;
    const formal = foldText(rawFormal.trim());
    const nickname = foldText(rawNickname.trim());
    if (formal === '' || nickname === '' || formal === nickname) return;
    add(nicknamesOf, formal, nickname);
    add(formalsOf, nickname, formal);
    add(linkedWith, formal, nickname);
    add(linkedWith, nickname, formal);
  });
  return { nicknamesOf, formalsOf, linkedWith };
}

/** Build a map from in-memory pairs, e.g. in tests: `nicknameMapFrom([['robert', 'bob']])`. */
export function nicknameMapFrom(pairs: readonly (readonly [formal: string, nickname: string])[]): NicknameMap {
  return parseNicknameCsv(pairs.map(([formal, nickname]) => `${formal},has_nickname,${nickname}`).join('\n'));
}

/** A name the list knows as a given name (formal or nickname). */
export function isKnownGivenName(map: NicknameMap | undefined, name: string): boolean {
  return map?.linkedWith.has(name) ?? false;
}

/**
 * How two first names are related through the list: directly (one is listed as the other's nickname)
 * or through a shared name (both linked to Robert). Returns null when unrelated or equal.
 */
export function nicknameRelation(map: NicknameMap | undefined, a: string, b: string): NicknameRelation | null {
  if (map === undefined || a === b) return null;
  const linkedA = map.linkedWith.get(a);
  const linkedB = map.linkedWith.get(b);
  if (linkedA === undefined || linkedB === undefined) return null;
  if (linkedA.has(b)) {
    const aIsFormal = map.nicknamesOf.get(a)?.has(b) ?? false;
    const bIsFormal = map.nicknamesOf.get(b)?.has(a) ?? false;
    // Listed both ways (jon ↔ john): call the longer one formal, it reads better in evidence.
    const formalIsA = aIsFormal && bIsFormal ? a.length > b.length || (a.length === b.length && a < b) : aIsFormal;
    return formalIsA ? { kind: 'nickname', nickname: b, formal: a } : { kind: 'nickname', nickname: a, formal: b };
  }
  // Only a formal name shared by two nicknames (Bob, Rob ← Robert) counts: the list also has
  // "bill has_nickname robert" and "bill has_nickname william", which must not make Robert ~ William.
  // Formal means: listed with both as its nicknames, and longer than both.
  let via: string | null = null;
  for (const name of linkedA) {
    const nicknames = map.nicknamesOf.get(name);
    const isFormalOfBoth = nicknames?.has(a) === true && nicknames.has(b) && name.length > Math.max(a.length, b.length);
    if (isFormalOfBoth && (via === null || name < via)) via = name;
  }
  return via === null ? null : { kind: 'shared', names: [a, b], via };
}

/**
 * Blocking roots of a first name: itself plus the formal names it is listed as a nickname of. Two
 * names related by nicknameRelation always share a root: a direct pair shares the formal one, a
 * shared pair shares the formal name both are nicknames of.
 */
export function nicknameRoots(map: NicknameMap | undefined, name: string): string[] {
  const formals = map?.formalsOf.get(name);
  return formals === undefined ? [name] : [name, ...formals];
}

/** Per list: deletion variant → known names having it (built on first use; the list never changes). */
const deletionIndexes = new WeakMap<NicknameMap, Map<string, string[]>>();

/**
 * Known given names one edit (Damerau–Levenshtein) away from `name`, e.g. the names a typo could
 * have been meant as. Found through shared deletion variants, so it costs a few map lookups.
 *
 * @example knownNamesNear(map, 'deboarh') // ['deborah']
 */
export function knownNamesNear(map: NicknameMap, name: string): string[] {
  let index = deletionIndexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const known of map.linkedWith.keys()) {
      for (const variant of deletionVariants(known)) {
        const list = index.get(variant);
        if (list) list.push(known);
        else index.set(variant, [known]);
      }
    }
    deletionIndexes.set(map, index);
  }
  const found = new Set<string>();
  for (const variant of deletionVariants(name)) {
    for (const known of index.get(variant) ?? []) {
      if (known !== name && damerauLevenshtein(known, name) === 1) found.add(known);
    }
  }
  return [...found].sort();
}
