import { adjustScore, countAdjustment } from './count-evidence.ts';
import type { FormView, PairVerdict } from './matcher.ts';
import type { NicknameMap } from './nicknames.ts';
import { suffixLabel } from './normalize-person.ts';
import type { PersonName } from './normalize-person.ts';
import { compareMiddles, firstNameRelation, namesakeCheck, SAME, surnameRelation } from './person-parts.ts';
import type { PartRelation } from './person-parts.ts';
import { label } from './text.ts';
import { PERSON_FACTOR } from './thresholds.ts';

/**
 * Score two person forms: a product of per-part factors (first name, surname, middle, suffix), the
 * better of straight and reversed order (either spelling may be the reversed one), then adjusted by
 * row counts when a spelling difference or a nickname is involved. See thresholds.ts for every weight.
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

  const counts = countAdjustment({ label: a.label, count: a.count }, { label: b.label, count: b.count });
  const plainMiddle = compareMiddles(x.middle, y.middle);
  const middle = namesakeCheck(plainMiddle, counts);
  if (middle.conflict) return verdict([middle]);

  const straight = [firstNameRelation(x.first, y.first, nicknames), surnameRelation(x.last, y.last)] as const;
  // Either spelling may be the one written "Last First": its last word is then the first name, which
  // may be a nickname of the other's ("Brown Bill" / "William Brown"). Both readings are tried so that
  // the verdict does not depend on the argument order.
  const reversedY = [firstNameRelation(x.first, y.last, nicknames), surnameRelation(x.last, y.first)] as const;
  const reversedX = [firstNameRelation(x.last, y.first, nicknames), surnameRelation(x.first, y.last)] as const;
  const reversed = partsScore(reversedX) > partsScore(reversedY) ? reversedX : reversedY;
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
  // The namesake check has used the counts already.
  if (result.conflict || result.score === 0 || counts.evidence === null || middle !== plainMiddle) return result;
  const spelling = parts.some((part) => part.counts === 'spelling');
  if (counts.delta > 0) {
    // "Rare, so a typo" explains a spelling difference, not a nickname, a middle name or a suffix next to it.
    const otherDifference = [first, last].some((part) => part.factor < 1 && part.counts !== 'spelling') || middle.factor < 1 || suffix.factor < 1;
    if (!spelling || otherDifference) return result;
  } else if (!spelling && !parts.some((part) => part.counts === 'nickname')) {
    return result;
  }
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

/** Used only by the compatibility check; single names join clusters through the attach pass. */
function singleNameVerdict(x: PersonName, y: PersonName): PairVerdict {
  const [single, other] = x.last === '' ? [x, y] : [y, x];
  const matches = other.tokens.includes(single.first);
  return matches
    ? { score: PERSON_FACTOR.uniqueSingleName, evidence: [`single name ${label(single.first)} found in ${other.display}`], conflict: false }
    : { score: 0, evidence: [], conflict: false };
}
