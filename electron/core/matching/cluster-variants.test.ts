import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clusterNames } from './cluster.ts';
import type { FormView } from './matcher.ts';
import { loadNicknames } from './nickname-loader.ts';
import { knownNamesNear, nicknameMapFrom } from './nicknames.ts';
import { normalizePersonName } from './normalize-person.ts';
import type { PersonName } from './normalize-person.ts';
import { comparePersons } from './person-compare.ts';
import type { Cluster, NameInput } from './types.ts';

// Behaviours found by scoring the engine against the sample generator's ground truth
// (docs/matching.md, "Ground truth"): each test would fail with the fix removed.

const nicknames = loadNicknames(fileURLToPath(new URL('../../../resources/nicknames/names.csv', import.meta.url)));
const people = (input: NameInput[]): Cluster[] => clusterNames(input, { kind: 'sales-person', nicknames });
const branches = (input: NameInput[]): Cluster[] => clusterNames(input, { kind: 'branch' });
const sources = (input: NameInput[]): Cluster[] => clusterNames(input, { kind: 'lead-source' });
const names = (cluster: Cluster | undefined): string[] => (cluster?.members.map((m) => m.name) ?? []).sort();
const clusterOf = (clusters: Cluster[], name: string): Cluster | undefined => clusters.find((c) => c.members.some((m) => m.name === name));
const view = (raw: string, count = 1): FormView<PersonName> => ({ id: 0, name: normalizePersonName(raw)!, count, label: raw });

describe('person pairs: either spelling may be the reversed one', () => {
  it('scores a reversed nickname the same in both argument orders', () => {
    const ab = comparePersons(view('Brown Bill'), view('William Brown'), nicknames);
    const ba = comparePersons(view('William Brown'), view('Brown Bill'), nicknames);
    expect(ab.score).toBeGreaterThanOrEqual(0.75);
    expect(ab.score).toBe(ba.score);
    expect(ab.evidence).toContain('nickname Bill → William');
  });

  it('clusters "Last First" spellings with a nickname of the first name', () => {
    const [cluster] = people([{ name: 'Bill Brown', count: 9 }, { name: 'Brown Bill' }, { name: 'William Brown' }]);
    expect(names(cluster)).toEqual(['Bill Brown', 'Brown Bill', 'William Brown']);
  });
});

describe('person clusters: a typo and a nickname of one person', () => {
  it('keeps a first-name typo and a nickname in one cluster (Deboarh / Debbie via Deborah)', () => {
    const [cluster] = people([{ name: 'Deborah Tran', count: 9 }, { name: 'Debbie Tran' }, { name: 'Deboarh Tran' }]);
    expect(names(cluster)).toEqual(['Debbie Tran', 'Deboarh Tran', 'Deborah Tran']);
  });

  it('never links the typo and the nickname directly', () => {
    const verdict = comparePersons(view('Deboarh Tran'), view('Debbie Tran'), nicknames);
    expect(verdict.score).toBeLessThan(0.75);
    expect(verdict.score).toBeGreaterThanOrEqual(0.5);
    expect(verdict.evidence[0]).toMatch(/^first name: Deboarh is not a known given name, one letter transposed \(Deboarh ~ Deborah\); nickname Debbie → Deborah$/);
  });

  it('takes a short or vowel slip of a known given name for a typo (Tmo / Tom, Nuck / Nick), not one known name for another', () => {
    expect(names(people([{ name: 'Tom Shah', count: 9 }, { name: 'Tmo Shah' }])[0])).toEqual(['Tmo Shah', 'Tom Shah']);
    expect(names(people([{ name: 'Nick Hall', count: 9 }, { name: 'Nuck Hall' }])[0])).toEqual(['Nick Hall', 'Nuck Hall']);
    expect(people([{ name: 'Tom Shah', count: 9 }, { name: 'Tim Shah' }])).toEqual([]);
  });

  it('finds the known names one edit away', () => {
    expect(knownNamesNear(nicknames, 'deboarh')).toEqual(['deborah']);
    expect(knownNamesNear(nicknameMapFrom([['robert', 'bob']]), 'bbo')).toEqual(['bob']);
  });
});

describe('person clusters: namesakes', () => {
  it('keeps two common spellings apart when only a middle initial differs (John Smith / John R. Smith)', () => {
    const clusters = people([
      { name: 'John Smith', count: 10 },
      { name: 'John R. Smith', count: 6 },
      { name: 'Jhon R. Smith' },
      { name: 'Johnny Smith' },
    ]);
    expect(clusterOf(clusters, 'John Smith')).not.toBe(clusterOf(clusters, 'John R. Smith'));
    expect(names(clusterOf(clusters, 'John R. Smith'))).toEqual(['Jhon R. Smith', 'John R. Smith']);
    expect(names(clusterOf(clusters, 'John Smith'))).toEqual(['John Smith', 'Johnny Smith']);
  });

  it('still offers a rare middle-initial spelling for review', () => {
    const [cluster] = people([{ name: 'John Smith', count: 50 }, { name: 'John R. Smith', count: 1 }]);
    expect(names(cluster)).toEqual(['John R. Smith', 'John Smith']);
  });

  it('does not let a shared nickname join two common names (Chris Martin / Christina Martin)', () => {
    const clusters = people([
      { name: 'Chris Martin', count: 8 },
      { name: 'Christina Martin', count: 8 },
      { name: 'Christopher Martin' },
      { name: 'Tina Martin' },
    ]);
    expect(names(clusterOf(clusters, 'Chris Martin'))).toEqual(['Chris Martin', 'Christopher Martin']);
    expect(names(clusterOf(clusters, 'Christina Martin'))).toEqual(['Christina Martin', 'Tina Martin']);
  });
});

describe('person names: hyphens and legacy order', () => {
  it('reads a hyphenated surname as one surname in either order', () => {
    const [cluster] = people([{ name: 'Theodore Smith-Jones', count: 5 }, { name: 'Smith-Jones Theodore' }, { name: 'Theodore S.' }]);
    expect(names(cluster)).toEqual(['Smith-Jones Theodore', 'Theodore S.', 'Theodore Smith-Jones']);
  });

  it('reads "Smith John R." as Last First Middle-initial when no John S… fits', () => {
    const [cluster] = people([{ name: 'John R. Smith', count: 5 }, { name: 'Smith John R.' }]);
    expect(names(cluster)).toEqual(['John R. Smith', 'Smith John R.']);
    expect(cluster?.evidence).toContain('"Last First Middle" order: Smith John R. read as John R. Smith');
  });
});

describe('places: qualifiers', () => {
  it('folds a branch name with a generic word or a state code into the bare name, saying why', () => {
    const [cluster] = branches([{ name: 'Denver', count: 9 }, { name: 'Denver Branch' }, { name: 'Denver, CO' }, { name: 'Denver CO' }]);
    expect(names(cluster)).toEqual(['Denver', 'Denver Branch', 'Denver CO', 'Denver, CO']);
    expect(cluster?.autoMerge).toBe(true);
    expect(cluster?.evidence).toEqual(expect.arrayContaining(['differs only by Branch (Denver Branch ~ Denver)', 'differs only by CO (Denver CO ~ Denver)']));
  });

  it('offers them for review instead when the bare name could be one of several branches', () => {
    const [cluster] = branches([{ name: 'Denver', count: 9 }, { name: 'Denver Branch' }, { name: 'Denver East' }, { name: 'Denver West' }]);
    expect(names(cluster)).toEqual(['Denver', 'Denver Branch']);
    expect(cluster?.autoMerge).toBe(false);
    expect(cluster?.evidence).toEqual(['differs only by Branch (Denver ~ Denver Branch)']);
  });

  it('never matches two states or a bare number', () => {
    expect(branches([{ name: 'Portland, OR' }, { name: 'Portland, ME' }])).toEqual([]);
    expect(branches([{ name: 'Branch 12' }, { name: 'Office 12' }])).toEqual([]);
  });

  it('links a lead source with "Ads" to the source', () => {
    expect(names(sources([{ name: 'Yelp', count: 5 }, { name: 'Yelp Ads' }])[0])).toEqual(['Yelp', 'Yelp Ads']);
    expect(sources([{ name: 'Google Ads' }, { name: 'Google Organic' }])).toEqual([]);
  });
});
