import { describe, expect, it } from 'vitest';
import { seededRandom, syntheticSalesPeople } from './fixtures/synthetic-names.ts';
import { damerauLevenshtein } from './damerau-levenshtein.ts';
import type { FormView } from './matcher.ts';
import { nicknameMapFrom } from './nicknames.ts';
import { normalizePersonName } from './normalize-person.ts';
import type { PersonName } from './normalize-person.ts';
import { personBlockingKeys } from './person-blocking.ts';
import { comparePersons } from './person-compare.ts';
import { deletionVariants, typoKeys } from './text.ts';
import { LINK_THRESHOLD } from './thresholds.ts';

const shareKey = (a: readonly string[], b: readonly string[]): boolean => a.some((key) => b.includes(key));

describe('typoKeys', () => {
  it('gives every pair at Damerau–Levenshtein distance 1 a shared key', () => {
    const random = seededRandom(42);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const randomLetter = (): string => letters[Math.floor(random() * letters.length)]!;
    for (let trial = 0; trial < 5000; trial++) {
      const length = 2 + Math.floor(random() * 12);
      const word = Array.from({ length }, randomLetter).join('');
      const i = Math.floor(random() * length);
      const edits = [
        word.slice(0, i) + word.slice(i + 1),
        word.slice(0, i) + randomLetter() + word.slice(i),
        word.slice(0, i) + randomLetter() + word.slice(i + 1),
        i + 1 < length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word,
      ];
      for (const edited of edits) {
        if (edited.length < 3 || damerauLevenshtein(word, edited) !== 1) continue;
        expect(shareKey(typoKeys(word), typoKeys(edited)), `${word} / ${edited}`).toBe(true);
      }
    }
  });

  it('needs fewer keys than deletion variants', () => {
    expect(typoKeys('christopher').length).toBeLessThan(deletionVariants('christopher').length / 2);
  });
});

describe('personBlockingKeys', () => {
  it('misses no pair that the scorer would link (brute force over synthetic names)', () => {
    const nicknames = nicknameMapFrom([
      ['robert', 'bob'], ['william', 'bill'], ['michael', 'mike'], ['james', 'jim'], ['thomas', 'tom'],
      ['katherine', 'kate'], ['elizabeth', 'liz'], ['christopher', 'chris'], ['steven', 'steve'], ['stephen', 'steve'],
    ]);
    const forms = new Map<string, FormView<PersonName>>();
    for (const { name, count } of syntheticSalesPeople(1000, 7)) {
      const normalized = normalizePersonName(name);
      if (normalized?.shape !== 'full' || forms.has(normalized.key)) continue;
      forms.set(normalized.key, { id: forms.size, name: normalized, count, label: normalized.display });
    }
    const list = [...forms.values()];
    const keys = list.map((form) => personBlockingKeys(form.name, nicknames));
    let linked = 0;
    const missed: string[] = [];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const verdict = comparePersons(list[i]!, list[j]!, nicknames);
        if (verdict.conflict || verdict.score < LINK_THRESHOLD) continue;
        linked++;
        if (!shareKey(keys[i]!, keys[j]!)) missed.push(`${list[i]!.name.raw} / ${list[j]!.name.raw}`);
      }
    }
    expect(linked).toBeGreaterThan(50);
    expect(missed).toEqual([]);
  });
});
