import { describe, expect, it } from 'vitest';
import { clusterNames } from './cluster.ts';
import { nicknameMapFrom } from './nicknames.ts';
import type { Cluster, NameInput } from './types.ts';

const branches = (input: NameInput[]): Cluster[] => clusterNames(input, { kind: 'branch' });
const sources = (input: NameInput[]): Cluster[] => clusterNames(input, { kind: 'lead-source' });
const names = (cluster: Cluster | undefined): string[] => (cluster?.members.map((m) => m.name) ?? []).sort();

describe('clusterNames (branch)', () => {
  it('auto-merges abbreviations, "&" and case, saying which', () => {
    const clusters = branches([
      { name: 'Main St. & 5th', count: 4 },
      { name: 'MAIN STREET AND 5TH' },
      { name: 'Denver North', count: 2 },
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ kind: 'branch', canonical: 'Main St. & 5th', autoMerge: true, score: 1, count: 5 });
    expect(clusters[0]?.evidence).toEqual(expect.arrayContaining(['abbreviation St → Street', '"&" written as "and"']));
  });

  it('offers reordered words and typos for review', () => {
    const clusters = branches([{ name: 'Fort Collins', count: 9 }, { name: 'Collins Fort' }, { name: 'Fort Colins' }]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.autoMerge).toBe(false);
    expect(names(clusters[0])).toEqual(['Collins Fort', 'Fort Colins', 'Fort Collins']);
    expect(clusters[0]?.evidence).toEqual(
      expect.arrayContaining(['same words, different order', 'doubled letter (Fort Colins ~ Fort Collins)']),
    );
    // The same letters with other spacing are one name: merged automatically, saying why.
    const [spacing] = branches([{ name: 'Fort Collins', count: 9 }, { name: 'FortCollins' }]);
    expect(spacing).toMatchObject({ autoMerge: true, canonical: 'Fort Collins' });
    expect(spacing?.evidence).toEqual(['same letters, spacing differs (FortCollins ~ Fort Collins)']);
  });

  it('keeps a reordered spelling with a typo compatible with the rest of its cluster', () => {
    const [cluster] = branches([{ name: 'Fort Collins', count: 9 }, { name: 'Fort Colins' }, { name: 'Colins Fort' }]);
    // Colins Fort / Fort Collins only match on sorted words with a typo; without that the
    // complete-linkage check would leave Colins Fort out.
    expect(names(cluster)).toEqual(['Colins Fort', 'Fort Colins', 'Fort Collins']);
  });

  it('never merges branches that differ in a number, a direction or a one-letter word', () => {
    expect(branches([{ name: 'Denver East' }, { name: 'Denver West' }])).toEqual([]);
    expect(branches([{ name: 'Branch 12' }, { name: 'Branch 13' }])).toEqual([]);
    expect(branches([{ name: 'Warehouse A' }, { name: 'Warehouse B' }])).toEqual([]);
  });

  it('does not match short names on a typo', () => {
    expect(branches([{ name: 'Erie' }, { name: 'Eire' }])).toEqual([]);
  });

  it('uses no nicknames or initials, even when a nickname list is passed', () => {
    const nicknames = nicknameMapFrom([['robert', 'bob']]);
    expect(clusterNames([{ name: "Bob's Moving" }, { name: "Robert's Moving" }], { kind: 'branch', nicknames })).toEqual([]);
    expect(branches([{ name: 'J. Street' }, { name: 'Jackson Street' }])).toEqual([]);
  });
});

describe('clusterNames (lead-source)', () => {
  it('reduces web addresses to their name', () => {
    const [cluster] = sources([{ name: 'Yelp', count: 5 }, { name: 'www.yelp.com' }]);
    expect(cluster).toMatchObject({ canonical: 'Yelp', autoMerge: true });
    expect(cluster?.evidence).toContain('web address reduced to its name');
  });

  it('links a typo, with count evidence', () => {
    const [cluster] = sources([{ name: 'Home Advisor', count: 20 }, { name: 'HomeAdvsor' }]);
    expect(cluster?.autoMerge).toBe(false);
    expect(cluster?.evidence).toEqual([
      'one letter missing (Home Advisor ~ HomeAdvsor)',
      'HomeAdvsor is rare (1 vs 20 rows), typical of a typo',
    ]);
  });

  it('takes extra abbreviations from the options', () => {
    const input = [{ name: 'Google Pay Per Click' }, { name: 'Google PPC' }, { name: 'Google CPC' }];
    expect(names(sources(input)[0])).toEqual(['Google PPC', 'Google Pay Per Click']);
    const [cluster] = clusterNames(input, { kind: 'lead-source', abbreviations: { cpc: 'pay per click' } });
    expect(cluster?.members).toHaveLength(3);
  });
});
