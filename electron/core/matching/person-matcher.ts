import type { FormRole, Matcher } from './matcher.ts';
import type { NicknameMap } from './nicknames.ts';
import { normalizePersonName } from './normalize-person.ts';
import type { PersonName, PersonShape } from './normalize-person.ts';
import { attachPartialNames } from './person-attach.ts';
import { personBlockingKeys } from './person-blocking.ts';
import { comparePersons } from './person-compare.ts';
import { rawSpellingEvidence } from './raw-evidence.ts';

const ROLE: Readonly<Record<PersonShape, FormRole>> = {
  full: 'link',
  'first-initial': 'attach',
  'last-initial': 'attach',
  single: 'attach',
  initials: 'exact',
};

const RANK: Readonly<Record<PersonShape, number>> = {
  full: 3,
  'first-initial': 2,
  'last-initial': 2,
  single: 1,
  initials: 0,
};

/** Rules for sales-person names: nicknames, initials, reversed order, typos. */
export function personMatcher(nicknames: NicknameMap | undefined): Matcher<PersonName> {
  return {
    normalize: normalizePersonName,
    role: (name) => ROLE[name.shape],
    blockingKeys: (name) => personBlockingKeys(name, nicknames),
    compare: (a, b) => comparePersons(a, b, nicknames),
    attach: attachPartialNames,
    sameKeyEvidence: (spelling, reference, display) =>
      rawSpellingEvidence(spelling.raw, personNotes(spelling), display, reference ? personNotes(reference) : []),
    sameKeyWarning: (names) => {
      const annotations = [...new Set(names.map((n) => n.notes.annotation).filter((a) => a !== null))];
      return annotations.length > 1 ? `different branch annotations (${annotations.join(' / ')}): check they are one person` : null;
    },
    canonicalRank: (name) => RANK[name.shape],
  };
}

function personNotes(name: PersonName): string[] {
  const notes: string[] = [];
  if (name.notes.annotation !== null) notes.push(`branch annotation removed (${name.notes.annotation})`);
  if (name.notes.reversedComma) notes.push('"Last, First" order normalized');
  for (const title of name.notes.droppedTitles) notes.push(`title ${title} removed`);
  return notes;
}
