import { adjustScore, countAdjustment } from './count-evidence.ts';
import type { FormView, PairVerdict } from './matcher.ts';
import { isKnownGivenName, nicknameRelation } from './nicknames.ts';
import type { NicknameMap } from './nicknames.ts';
import { suffixLabel } from './normalize-person.ts';
import type { PersonName } from './normalize-person.ts';
import { compareSpelling } from './spelling.ts';
import { label } from './text.ts';
import { PERSON_FACTOR } from './thresholds.ts';

interface PartRelation {
  factor: number;
  evidence: string[];
  conflict: boolean;
  /** The relation rests on a spelling difference, so row counts are relevant evidence. */
  spellingBased: boolean;
}

const SAME: PartRelation = { factor: 1, evidence: [], conflict: false, spellingBased: false };

/**
 * Score two person forms: a product of per-part factors (first name, surname, middle, suffix), the
 * better of straight and reversed order, then adjusted by row counts when a spelling difference is
 * involved. See thresholds.ts for every weight.
 *
 * @example comparePersons(view('Bob Allen'), view('Robert Allen'), nicknames)
 * // { score: 0.9, evidence: ['nickname Bob → Robert'], conflict: false }
 */
export function comparePersons(
  a: FormView<PersonName>,
  b: FormView<PersonName>,
  nicknames: NicknameMap | undefined,
): PairVerdict {
  const x = a.name;
  const y = b.name;
  if (x.suffix !== '' && y.suffix !== '' && x.suffix !== y.suffix) {
    return { score: 0, evidence: [`different suffixes (${x.display} / ${y.display})`], conflict: true };
  }
  const suffix: PartRelation =
    x.suffix === y.suffix
      ? SAME
      : { ...SAME, factor: PERSON_FACTOR.suffixOnOneSide, evidence: [`suffix ${suffixLabel(x.suffix || y.suffix)} only in one spelling`] };

  const keyX = x.tokens.join(' ');
  const keyY = y.tokens.join(' ');
  if (keyX === keyY) return verdict([suffix]);
  if (keyX.replaceAll(' ', '') === keyY.replaceAll(' ', '')) {
    return verdict([{ ...SAME, factor: PERSON_FACTOR.sameLettersDifferentSpacing, evidence: ['same letters, spacing differs'] }, suffix]);
  }
  if (x.last === '' || y.last === '') return singleNameVerdict(x, y);

  const middle = compareMiddles(x.middle, y.middle);
  if (middle.conflict) return verdict([middle]);

  const straight = [firstNameRelation(x.first, y.first, nicknames), surnameRelation(x.last, y.last)] as const;
  const reversed = [firstNameRelation(x.first, y.last, nicknames), surnameRelation(x.last, y.first)] as const;
  const straightScore = partsScore(straight);
  const reversedScore = partsScore(reversed) * PERSON_FACTOR.reversedOrder;
  const useReversed = reversedScore > straightScore;
  const [first, last] = useReversed ? reversed : straight;
  const parts: PartRelation[] = [first, last, middle, suffix];
  if (first.factor < 1 && last.factor < 1) {
    parts.push({ ...SAME, factor: PERSON_FACTOR.bothPartsDiffer, evidence: ['first and last name both differ'] });
  }
  if (useReversed) {
    const exact = first.factor === 1 && last.factor === 1;
    parts.unshift({ ...SAME, factor: PERSON_FACTOR.reversedOrder, evidence: [exact ? 'same name, order reversed' : 'first and last name swapped'] });
  }
  const result = verdict(parts);
  if (result.conflict || result.score === 0 || !parts.some((part) => part.spellingBased)) return result;
  const counts = countAdjustment({ label: a.label, count: a.count }, { label: b.label, count: b.count });
  if (counts.evidence === null) return result;
  return {
    ...result,
    score: adjustScore(result.score, counts.delta),
    evidence: [...result.evidence, counts.evidence],
  };
}

function partsScore(parts: readonly [PartRelation, PartRelation]): number {
  const [first, last] = parts;
  if (first.conflict || last.conflict) return 0;
  const both = first.factor < 1 && last.factor < 1 ? PERSON_FACTOR.bothPartsDiffer : 1;
  return first.factor * last.factor * both;
}

function verdict(parts: readonly PartRelation[]): PairVerdict {
  const conflict = parts.some((part) => part.conflict);
  const score = conflict ? 0 : parts.reduce((product, part) => product * part.factor, 1);
  return { score: clamp(score), evidence: parts.flatMap((part) => part.evidence), conflict };
}

function clamp(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** First names: equal, initial, nickname, typo, truncation, or different. */
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
    return { ...SAME, factor: PERSON_FACTOR.nickname, evidence: [`nickname ${label(nickname.nickname)} → ${label(nickname.formal)}`] };
  }
  // Several weak relations may apply (Steven / Stephen: two letters apart, both linked to Steve); keep the strongest.
  const candidates: PartRelation[] = [];
  const spelling = compareSpelling(a, b);
  if (spelling.kind !== 'different' && spelling.evidence !== null) {
    const bothKnown = isKnownGivenName(nicknames, a) && isKnownGivenName(nicknames, b);
    candidates.push({
      factor: bothKnown ? Math.min(spelling.factor, PERSON_FACTOR.knownDistinctNames) : spelling.factor,
      evidence: [`first name: ${spelling.evidence}${bothKnown ? ', but both are known given names' : ''}`],
      conflict: false,
      spellingBased: true,
    });
  }
  if (nickname?.kind === 'shared') {
    candidates.push({
      ...SAME,
      factor: PERSON_FACTOR.sharedNickname,
      evidence: [`nicknames ${label(a)} and ${label(b)} both linked to ${label(nickname.via)}`],
    });
  }
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= PERSON_FACTOR.prefixMinLength && long.startsWith(short)) {
    candidates.push({ ...SAME, factor: PERSON_FACTOR.prefix, evidence: [`${label(short)} may be ${label(long)} cut short`] });
  }
  return candidates.reduce<PartRelation>((best, next) => (next.factor > best.factor ? next : best), { ...SAME, factor: 0 });
}

function surnameRelation(a: string, b: string): PartRelation {
  if (a === b) return SAME;
  const spelling = compareSpelling(a, b);
  if (spelling.kind === 'different' || spelling.evidence === null) return { ...SAME, factor: 0 };
  return { factor: spelling.factor, evidence: [`surname: ${spelling.evidence}`], conflict: false, spellingBased: true };
}

/** Middle names must agree where both spellings have them; one side without them is a mild penalty. */
function compareMiddles(a: readonly string[], b: readonly string[]): PartRelation {
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

/** Used only by the compatibility check; single names join clusters through the attach pass. */
function singleNameVerdict(x: PersonName, y: PersonName): PairVerdict {
  const [single, other] = x.last === '' ? [x, y] : [y, x];
  const matches = other.tokens.includes(single.first);
  return matches
    ? { score: PERSON_FACTOR.uniqueSingleName, evidence: [`single name ${label(single.first)} found in ${other.display}`], conflict: false }
    : { score: 0, evidence: [], conflict: false };
}
