import type { CountAdjustment } from './count-evidence.ts';
import { isKnownGivenName, knownNamesNear, nicknameRelation } from './nicknames.ts';
import type { NicknameMap } from './nicknames.ts';
import { compareSpelling } from './spelling.ts';
import { label } from './text.ts';
import { PERSON_FACTOR } from './thresholds.ts';

/**
 * How one part of two person names relates (first name, surname, middle names, suffix).
 *
 * @example firstNameRelation('bob', 'robert', nicknames)
 * // { factor: 0.9, evidence: ['nickname Bob → Robert'], conflict: false, counts: 'nickname' }
 */
export interface PartRelation {
  factor: number;
  evidence: string[];
  conflict: boolean;
  /**
   * Which row-count evidence applies (count-evidence.ts): `spelling` for a typo (a rare spelling
   * earns a bonus, two common ones a penalty), `nickname` (two common spellings: penalty only, a
   * person may be called both ways), null when counts say nothing.
   */
  counts: 'spelling' | 'nickname' | null;
}

export const SAME: PartRelation = { factor: 1, evidence: [], conflict: false, counts: null };

/** First names: equal, initial, nickname, typo, typo of a nickname, truncation, or different. */
export function firstNameRelation(a: string, b: string, nicknames: NicknameMap | undefined): PartRelation {
  if (a === b) return SAME;
  if (a.length === 1 || b.length === 1) {
    const [initial, full] = a.length === 1 ? [a, b] : [b, a];
    return full.startsWith(initial)
      ? { ...SAME, factor: PERSON_FACTOR.uniqueInitial, evidence: [`initial ${label(initial)}. matches ${label(full)}`] }
      : { ...SAME, factor: 0, conflict: true, evidence: [`initial ${label(initial)}. does not match ${label(full)}`] };
  }
  const nickname = nicknameRelation(nicknames, a, b);
  if (nickname?.kind === 'nickname') {
    return { ...SAME, factor: PERSON_FACTOR.nickname, evidence: [`nickname ${label(nickname.nickname)} → ${label(nickname.formal)}`], counts: 'nickname' };
  }
  // Several weak relations may apply (Steven / Stephen: two letters apart, both linked to Steve); keep the strongest.
  const candidates: PartRelation[] = [];
  const knownA = isKnownGivenName(nicknames, a);
  const knownB = isKnownGivenName(nicknames, b);
  // With a list of given names, a known name next to an unknown one is a slip of the keyboard
  // (Nuck / Nick, Tmo / Tom): the doubts kept for two real names (vowels, short names) do not apply.
  const slip = nicknames !== undefined && knownA !== knownB;
  const spelling = compareSpelling(a, b, undefined, { slip });
  if (spelling.kind !== 'different' && spelling.evidence !== null) {
    const bothKnown = knownA && knownB;
    const note = bothKnown ? ', but both are known given names' : slip ? `, ${label(knownA ? b : a)} is not a known given name` : '';
    candidates.push({
      factor: bothKnown ? Math.min(spelling.factor, PERSON_FACTOR.knownDistinctNames) : spelling.factor,
      evidence: [`first name: ${spelling.evidence}${note}`],
      conflict: false,
      counts: 'spelling',
    });
  }
  if (nickname?.kind === 'shared') {
    candidates.push({
      ...SAME,
      factor: PERSON_FACTOR.sharedNickname,
      evidence: [`nicknames ${label(a)} and ${label(b)} both linked to ${label(nickname.via)}`],
    });
  }
  if (nicknames !== undefined && slip) candidates.push(...typoOfNickname(knownA ? b : a, knownA ? a : b, nicknames));
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= PERSON_FACTOR.prefixMinLength && long.startsWith(short)) {
    candidates.push({ ...SAME, factor: PERSON_FACTOR.prefix, evidence: [`${label(short)} may be ${label(long)} cut short`] });
  }
  return candidates.reduce<PartRelation>((best, next) => (next.factor > best.factor ? next : best), { ...SAME, factor: 0 });
}

/**
 * "Deboarh" and "Debbie": the unknown name is one letter from a known one (Deborah) that is a
 * nickname relation of the other. Weak on purpose (below the link threshold): it never links two
 * spellings by itself, but lets a typo and a nickname of one person sit in one cluster.
 */
function typoOfNickname(unknown: string, known: string, nicknames: NicknameMap): PartRelation[] {
  const relations: PartRelation[] = [];
  for (const meant of knownNamesNear(nicknames, unknown)) {
    const relation = nicknameRelation(nicknames, meant, known);
    if (relation?.kind !== 'nickname') continue;
    const typo = compareSpelling(unknown, meant, undefined, { slip: true });
    relations.push({
      ...SAME,
      factor: Math.min(PERSON_FACTOR.typoOfNickname, typo.factor * PERSON_FACTOR.nickname),
      evidence: [`first name: ${label(unknown)} is not a known given name, ${typo.evidence ?? ''}; nickname ${label(relation.nickname)} → ${label(relation.formal)}`],
    });
  }
  return relations;
}

export function surnameRelation(a: string, b: string): PartRelation {
  if (a === b) return SAME;
  const spelling = compareSpelling(a, b);
  if (spelling.kind === 'different' || spelling.evidence === null) return { ...SAME, factor: 0 };
  return { factor: spelling.factor, evidence: [`surname: ${spelling.evidence}`], conflict: false, counts: 'spelling' };
}

/** Middle names must agree where both spellings have them; one side without them is a mild penalty. */
export function compareMiddles(a: readonly string[], b: readonly string[]): PartRelation {
  if (a.length === 0 && b.length === 0) return SAME;
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const compatible = x === y || ((x.length === 1 || y.length === 1) && x[0] === y[0]);
    if (!compatible) {
      return { ...SAME, factor: 0, conflict: true, evidence: [`different middle names ${label(x)} / ${label(y)}`] };
    }
  }
  if (a.length === b.length) return SAME;
  const extra = (a.length > b.length ? a : b).slice(shared).map(label).join(' ');
  return { ...SAME, factor: PERSON_FACTOR.middleOnOneSide, evidence: [`middle name ${extra} only in one spelling`] };
}

/**
 * A middle name on one side only, when both spellings are common ("John Smith" and "John R. Smith",
 * each on many rows), is how namesakes are told apart in a company directory: too weak to link, and
 * below the compatibility threshold so that no third spelling can join them either.
 */
export function namesakeCheck(middle: PartRelation, counts: CountAdjustment): PartRelation {
  if (middle.conflict || middle.factor === 1 || counts.delta >= 0 || counts.evidence === null) return middle;
  return {
    ...middle,
    factor: PERSON_FACTOR.middleOnOneSideBothCommon,
    evidence: [...middle.evidence, `${counts.evidence}: a middle initial often tells namesakes apart`],
  };
}
