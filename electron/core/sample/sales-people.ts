// The sales team over the years, and every way each person's name gets written.
import { EXPORT_DAY, LAST_JOB_DAY } from './calendar.ts';
import type { Day } from './calendar.ts';
import { BRANCHES } from './geography.ts';
import type { Branch } from './geography.ts';
import { PERFORMANCE_ONLY_NAME_RATE, SALES_PERSON_VARIANT_KINDS, SALES_PERSON_VARIANT_RATE } from './mess.ts';
import type { PerformanceOnlyKind, SalesVariantKind } from './mess.ts';
import { alternateFirstName, LAST_NAMES, NICKNAMES, STAFF_FIRST_NAMES, typo } from './names.ts';
import { WeightedTable } from './rng.ts';
import type { Rng } from './rng.ts';

export type SpellingKind = 'canonical' | SalesVariantKind | PerformanceOnlyKind;

/** One raw spelling of one person; `text` is unique across the whole roster. */
export interface Spelling {
  readonly index: number;
  readonly text: string;
  readonly personId: number;
  readonly kind: SpellingKind;
}

/**
 * A real person on the sales team.
 *
 * @example { id: 4, fullName: 'Mike Jones', home: Denver, start: 17532, end: 20818, … } // "Michael Jones" is a nickname variant
 */
export interface SalesPerson {
  readonly id: number;
  readonly fullName: string;
  readonly home: Branch;
  readonly start: Day;
  readonly end: Day;
  readonly canonical: Spelling;
  /** Variant spellings usable in lead, lost, opportunity and job rows, drawn with the kind weights. */
  readonly variants: WeightedTable<Spelling> | undefined;
  /** Spellings only the performance reports use. */
  readonly performanceOnly: readonly Spelling[];
}

interface NameParts {
  readonly first: string;
  readonly middle?: string;
  readonly last: string;
  /** The nickname (or formal name) used for the nickname variant. */
  readonly alternate?: string;
}

/**
 * Genuinely different people with similar names, present in every sample: two "John Smith"s (the Atlanta one
 * goes by his middle initial), a "Jon Smyth", and look-alike pairs sharing a nickname or an initial.
 */
const LOOKALIKES: readonly (NameParts & { readonly branchId: number })[] = [
  { first: 'John', last: 'Smith', alternate: 'Johnny', branchId: 1 },
  { first: 'John', middle: 'R.', last: 'Smith', alternate: 'Jack', branchId: 6 },
  { first: 'Jon', last: 'Smyth', alternate: 'Jonathan', branchId: 3 },
  { first: 'Mike', last: 'Jones', alternate: 'Michael', branchId: 1 },
  { first: 'Michelle', last: 'Jones', branchId: 5 },
  { first: 'Chris', last: 'Martin', alternate: 'Christopher', branchId: 4 },
  { first: 'Christina', last: 'Martin', alternate: 'Tina', branchId: 4 },
  { first: 'Bob', last: 'Miller', alternate: 'Robert', branchId: 7 },
  { first: 'Rob', last: 'Millar', alternate: 'Robert', branchId: 8 },
  { first: 'Bill', last: 'Brown', alternate: 'William', branchId: 3 },
  { first: 'Will', last: 'Browne', alternate: 'William', branchId: 5 },
  { first: 'Kate', last: 'Lee', alternate: 'Katherine', branchId: 8 },
  { first: 'Kathy', last: 'Li', alternate: 'Katherine', branchId: 6 },
];

/** Concurrent sales seats per branch grow with the company's size; every branch has at least three. */
export function seatsPerBranch(branch: Branch, jobs: number): number {
  return Math.max(3, Math.round(branch.weight * (2 + jobs / 45_000)));
}

function fullNameOf(p: NameParts): string {
  return p.middle ? `${p.first} ${p.middle} ${p.last}` : `${p.first} ${p.last}`;
}

/** Every candidate spelling of a person by kind; a kind may be missing (no nickname known). */
function candidateSpellings(p: NameParts, branch: Branch, rng: Rng): Map<Exclude<SpellingKind, 'canonical'>, string> {
  const full = fullNameOf(p);
  const mid = p.middle ? ` ${p.middle}` : '';
  const label = () => (rng.chance(0.3) ? branch.code : branch.name);
  const out = new Map<Exclude<SpellingKind, 'canonical'>, string>();
  out.set('lower', full.toLowerCase());
  out.set('upper', full.toUpperCase());
  out.set('spacing', rng.pick([`${p.first}  ${p.last}`, ` ${full}`, `${full} `]));
  out.set('lastFirst', `${p.last}, ${p.first}${mid}`);
  if (p.alternate) out.set('nickname', `${p.alternate}${mid} ${p.last}`);
  out.set('initial', `${p.first.charAt(0)}.${mid} ${p.last}`);
  out.set('typo', rng.chance(0.5) ? `${typo(p.first, rng)}${mid} ${p.last}` : `${p.first}${mid} ${typo(p.last, rng)}`);
  out.set('branchParen', `${p.first} ${p.last} (${label()})`);
  out.set('branchDash', `${p.first} ${p.last} - ${label()}`);
  out.set('upperLastFirst', `${p.last}, ${p.first}${mid}`.toUpperCase());
  out.set('lastFirstNoComma', `${p.last} ${p.first}${mid}`);
  out.set('firstLastInitial', `${p.first} ${p.last.charAt(0)}.`);
  return out;
}

interface Seat {
  readonly branch: Branch;
  readonly lookalike?: NameParts;
}

/**
 * The whole team: who sat in which seat when, and the unique raw spellings of each.
 *
 * @example
 * const roster = new Roster(new Rng(1), 20_000);
 * roster.advanceTo(day);
 * const person = roster.pickActive(rng, branchId); // undefined when the branch's seats are all empty
 */
export class Roster {
  readonly people: SalesPerson[] = [];
  readonly spellings: Spelling[] = [];
  /** Per spelling index, the bits (SOURCE_BIT in headers.ts) of the files it was written to. */
  readonly usage: Uint8Array;
  private readonly active: SalesPerson[][];
  private activeDay = Number.NEGATIVE_INFINITY;

  constructor(rng: Rng, jobs: number) {
    const parts: { parts: NameParts; branch: Branch; start: Day; end: Day }[] = [];
    const taken = new Set<string>(LOOKALIKES.map((p) => `${p.first} ${p.last}`));
    for (const branch of BRANCHES) {
      const seats: Seat[] = LOOKALIKES.filter((p) => p.branchId === branch.id).map((p) => ({ branch, lookalike: p }));
      while (seats.length < seatsPerBranch(branch, jobs)) seats.push({ branch });
      for (const seat of seats) {
        if (seat.lookalike) {
          // Look-alikes stay for the whole span so that they overlap in time.
          parts.push({ parts: seat.lookalike, branch, start: branch.opened - rng.int(30, 400), end: LAST_JOB_DAY + 365 });
          continue;
        }
        let start = branch.opened - rng.int(0, 500);
        while (start <= EXPORT_DAY) {
          const end = start + 200 + Math.round(-800 * Math.log(1 - rng.next()));
          parts.push({ parts: randomName(rng, taken), branch, start, end: end > EXPORT_DAY ? LAST_JOB_DAY + 365 : end });
          start = end + rng.int(1, 30);
        }
      }
    }
    const owner = new Map<string, number>();
    const claim = (text: string, personId: number, kind: SpellingKind): Spelling | undefined => {
      if (owner.has(text)) return undefined;
      owner.set(text, personId);
      const spelling: Spelling = { index: this.spellings.length, text, personId, kind };
      this.spellings.push(spelling);
      return spelling;
    };
    // Canonical names first, so that no variant of one person can take another person's own name.
    const canonicals = parts.map((p, i) => {
      const spelling = claim(fullNameOf(p.parts), i + 1, 'canonical');
      if (!spelling) throw new Error(`two sales people share the canonical name ${fullNameOf(p.parts)}`);
      return spelling;
    });
    parts.forEach((p, i) => {
      const id = i + 1;
      const variants: Spelling[] = [];
      const weights: number[] = [];
      const performanceOnly: Spelling[] = [];
      for (const [kind, text] of candidateSpellings(p.parts, p.branch, rng)) {
        const spelling = claim(text, id, kind);
        if (!spelling) continue;
        if (kind in SALES_PERSON_VARIANT_KINDS) {
          variants.push(spelling);
          weights.push(SALES_PERSON_VARIANT_KINDS[kind as SalesVariantKind]);
        } else {
          performanceOnly.push(spelling);
        }
      }
      this.people.push({
        id,
        fullName: fullNameOf(p.parts),
        home: p.branch,
        start: p.start,
        end: p.end,
        canonical: canonicals[i] as Spelling,
        variants: variants.length > 0 ? new WeightedTable(variants, weights) : undefined,
        performanceOnly,
      });
    });
    this.usage = new Uint8Array(this.spellings.length);
    this.active = BRANCHES.map(() => []);
  }

  /** Recomputes who holds a seat on `day`; call with non-decreasing days. */
  advanceTo(day: Day): void {
    if (day === this.activeDay) return;
    this.activeDay = day;
    for (const list of this.active) list.length = 0;
    for (const person of this.people) {
      if (person.start <= day && day <= person.end) this.active[person.home.id - 1]?.push(person);
    }
  }

  pickActive(rng: Rng, branchId: number): SalesPerson | undefined {
    const list = this.active[branchId - 1];
    return list && list.length > 0 ? rng.pick(list) : undefined;
  }

  /** A spelling for a lead, lost, opportunity or job row; records that the file with `fileBit` used it. */
  spell(person: SalesPerson, rng: Rng, fileBit: number): string {
    const spelling =
      person.variants !== undefined && rng.next() < SALES_PERSON_VARIANT_RATE ? person.variants.draw(rng) : person.canonical;
    this.usage[spelling.index] = (this.usage[spelling.index] ?? 0) | fileBit;
    return spelling.text;
  }

  /** A spelling for a performance row: a performance-only spelling at PERFORMANCE_ONLY_NAME_RATE, else canonical. */
  spellForPerformance(person: SalesPerson, rng: Rng, fileBit: number): string {
    const spelling =
      person.performanceOnly.length > 0 && rng.next() < PERFORMANCE_ONLY_NAME_RATE
        ? rng.pick(person.performanceOnly)
        : person.canonical;
    this.usage[spelling.index] = (this.usage[spelling.index] ?? 0) | fileBit;
    return spelling.text;
  }
}

function randomName(rng: Rng, taken: Set<string>): NameParts {
  for (;;) {
    const formal = rng.pick(STAFF_FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const nicknames = NICKNAMES[formal];
    // About a third of the people with a common nickname are in the CRM under it.
    const goesByNickname = nicknames !== undefined && rng.chance(0.35);
    const first = goesByNickname ? rng.pick(nicknames) : formal;
    const alternate = goesByNickname ? formal : alternateFirstName(formal, rng);
    const key = `${first} ${last}`;
    if (taken.has(key)) continue;
    taken.add(key);
    return alternate === undefined ? { first, last } : { first, last, alternate };
  }
}
