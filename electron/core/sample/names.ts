// Name pools for customers and staff, common nicknames, and the one-letter typos people make.
import type { Rng } from './rng.ts';

/**
 * Formal given name → the nicknames people actually go by. A curated subset of the pairs in
 * carltonnorthern/nicknames (Apache-2.0; /work/shared/data/nicknames), limited to current American usage.
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Alexander: ['Alex'], Andrew: ['Andy', 'Drew'], Anthony: ['Tony'], Benjamin: ['Ben'], Charles: ['Charlie', 'Chuck'],
  Christina: ['Tina', 'Chrissy'], Christopher: ['Chris'], Daniel: ['Dan', 'Danny'], David: ['Dave'], Deborah: ['Debbie'],
  Donald: ['Don'], Douglas: ['Doug'], Edward: ['Ed', 'Eddie'], Elizabeth: ['Liz', 'Beth'], Gregory: ['Greg'],
  James: ['Jim', 'Jimmy'], Jeffrey: ['Jeff'], Jennifer: ['Jen', 'Jenny'], Jessica: ['Jess'], John: ['Johnny', 'Jack'],
  Jonathan: ['Jon'], Joseph: ['Joe'], Joshua: ['Josh'], Katherine: ['Kate', 'Katie', 'Kathy'], Kenneth: ['Ken'],
  Kimberly: ['Kim'], Margaret: ['Maggie', 'Peggy'], Matthew: ['Matt'], Michael: ['Mike'], Nicholas: ['Nick'],
  Patricia: ['Pat', 'Trish'], Peter: ['Pete'], Rebecca: ['Becky'], Richard: ['Rick', 'Rich'], Robert: ['Bob', 'Rob', 'Bobby'],
  Ronald: ['Ron'], Samantha: ['Sam'], Samuel: ['Sam'], Stephanie: ['Steph'], Steven: ['Steve'], Susan: ['Sue'],
  Theodore: ['Ted'], Thomas: ['Tom', 'Tommy'], Timothy: ['Tim'], Victoria: ['Vicky', 'Tori'], William: ['Bill', 'Will'],
  Zachary: ['Zach'],
};

/** Given names for staff: mostly names with nicknames, so the nickname mess has material to work with. */
export const STAFF_FIRST_NAMES: readonly string[] = [
  ...Object.keys(NICKNAMES),
  'Aaron', 'Adam', 'Amanda', 'Amy', 'Angela', 'Ashley', 'Brandon', 'Brian', 'Brittany', 'Carlos', 'Crystal', 'Derek',
  'Diana', 'Emily', 'Eric', 'Erin', 'Gabriel', 'Heather', 'Jacob', 'Jamal', 'Jason', 'Jasmine', 'Jorge', 'Justin',
  'Kevin', 'Kyle', 'Laura', 'Lauren', 'Lisa', 'Luis', 'Marcus', 'Maria', 'Megan', 'Melissa', 'Monica', 'Nathan',
  'Nicole', 'Priya', 'Rachel', 'Ryan', 'Sean', 'Tanya', 'Tyler', 'Vanessa', 'Wei',
];

export const CUSTOMER_FIRST_NAMES: readonly string[] = [
  ...STAFF_FIRST_NAMES,
  'Abigail', 'Aisha', 'Alicia', 'Ana', 'Andrea', 'Ben', 'Bob', 'Brenda', 'Caleb', 'Carmen', 'Cheryl', 'Chloe', 'Connor',
  'Dana', 'Darnell', 'Dmitri', 'Elena', 'Ethan', 'Evelyn', 'Fatima', 'Grace', 'Hannah', 'Hector', 'Hiroshi', 'Ian',
  'Isabel', 'Ivan', 'Jada', 'Javier', 'José', 'Julia', 'Keisha', 'Lamar', 'Leah', 'Logan', 'Lucas', 'Madison', 'Mateo',
  'Mei', 'Mia', 'Minh', 'Naomi', 'Noah', 'Olivia', 'Omar', 'Paige', 'Rafael', 'Renée', 'Rosa', 'Sofia', 'Tamika',
  'Trevor', 'Valentina', 'Xavier', 'Yolanda', 'Zoë',
];

export const LAST_NAMES: readonly string[] = [
  'Adams', 'Allen', 'Alvarez', 'Anderson', 'Baker', 'Bennett', 'Brooks', 'Brown', 'Bryant', 'Butler', 'Campbell', 'Carter',
  'Castillo', 'Chen', 'Clark', 'Coleman', 'Collins', 'Cook', 'Cooper', 'Cox', 'Cruz', 'Davis', 'Diaz', 'Edwards', 'Evans',
  'Fisher', 'Flores', 'Foster', 'Garcia', 'Gomez', 'Gonzalez', 'Gray', 'Green', 'Griffin', 'Hall', 'Harris', 'Hayes',
  'Henderson', 'Hernandez', 'Hill', 'Howard', 'Hughes', 'Jackson', 'James', 'Jenkins', 'Johnson', 'Jordan', 'Kelly',
  'Kim', 'King', 'Lee', 'Lewis', 'Long', 'Lopez', 'Martin', 'Martinez', 'Mendoza', 'Miller', 'Mitchell', 'Moore',
  'Morales', 'Morgan', 'Morris', 'Murphy', 'Myers', 'Nelson', 'Nguyen', "O'Brien", 'Ortiz', 'Parker', 'Patel', 'Perez',
  'Perry', 'Peterson', 'Phillips', 'Powell', 'Price', 'Ramirez', 'Reed', 'Reyes', 'Richardson', 'Rivera', 'Roberts',
  'Robinson', 'Rodriguez', 'Rogers', 'Ross', 'Russell', 'Sanchez', 'Sanders', 'Scott', 'Shah', 'Simmons', 'Stewart',
  'Sullivan', 'Taylor', 'Thomas', 'Thompson', 'Torres', 'Tran', 'Turner', 'Walker', 'Ward', 'Washington', 'Watson',
  'White', 'Williams', 'Wilson', 'Wood', 'Wright', 'Young', 'Zhang', 'Van der Berg', 'Smith-Jones', 'McDonald', 'Núñez',
];

/** A nickname for a formal first name, or the formal name for a nickname; undefined when neither exists. */
export function alternateFirstName(first: string, rng: Rng): string | undefined {
  const nicknames = NICKNAMES[first];
  if (nicknames) return rng.pick(nicknames);
  const formal = Object.keys(NICKNAMES).filter((f) => NICKNAMES[f]?.includes(first));
  return formal.length > 0 ? rng.pick(formal) : undefined;
}

// Letters that sit next to each other on a QWERTY keyboard, for realistic substitutions.
const NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'sq', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k', m: 'n',
  n: 'bm', o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x',
};

/** One transposition of adjacent letters or one substitution by a keyboard neighbour; never returns `word`. */
export function typo(word: string, rng: Rng): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const i = rng.int(1, Math.max(1, word.length - 2));
    const chars = [...word];
    if (rng.chance(0.5) && i + 1 < chars.length) {
      const here = chars[i] as string;
      chars[i] = chars[i + 1] as string;
      chars[i + 1] = here;
    } else {
      const letter = (chars[i] ?? '').toLowerCase();
      const options = NEIGHBOURS[letter];
      if (!options) continue;
      chars[i] = options.charAt(rng.int(0, options.length - 1));
    }
    const result = chars.join('');
    if (result !== word) return result;
  }
  return `${word}${word.charAt(word.length - 1)}`;
}
