import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clusterNames } from './cluster.ts';
import { loadNicknames } from './nickname-loader.ts';
import type { Cluster, NameInput } from './types.ts';

const nicknames = loadNicknames(fileURLToPath(new URL('../../../resources/nicknames/names.csv', import.meta.url)));
const people = (input: NameInput[]): Cluster[] => clusterNames(input, { kind: 'sales-person', nicknames });
const names = (cluster: Cluster | undefined): string[] => (cluster?.members.map((m) => m.name) ?? []).sort();
const clusterOf = (clusters: Cluster[], name: string): Cluster | undefined =>
  clusters.find((c) => c.members.some((m) => m.name === name));

describe('clusterNames (sales-person): identical after normalization', () => {
  const clusters = people([
    { name: 'SMITH, JOHN', count: 10 },
    { name: 'John Smith', count: 3 },
    { name: 'john  smith', count: 1 },
    { name: 'John Smith (Denver)', count: 2 },
    { name: 'Mary Jones', count: 4 },
  ]);

  it('puts every spelling in one auto-merge cluster with score 1 and leaves singletons out', () => {
    expect(clusters).toHaveLength(1);
    const [cluster] = clusters;
    expect(cluster?.autoMerge).toBe(true);
    expect(cluster?.score).toBe(1);
    expect(cluster?.count).toBe(16);
    expect(cluster?.members.every((m) => m.autoMerge && m.key === 'john smith')).toBe(true);
  });

  it('chooses the most frequent well-formed spelling as canonical, not the most frequent raw one', () => {
    expect(clusters[0]?.canonical).toBe('John Smith');
  });

  it('explains each spelling', () => {
    expect(clusters[0]?.evidence).toEqual(
      expect.arrayContaining(['"Last, First" order normalized', 'case/spacing only', 'branch annotation removed (Denver)']),
    );
  });

  it('builds a clean canonical spelling when no raw spelling is well-formed', () => {
    const [cluster] = people([{ name: 'SMITH, JOHN', count: 3 }, { name: 'JOHN SMITH', count: 2 }]);
    expect(cluster?.canonical).toBe('John Smith');
  });

  it('sums the counts of repeated raw spellings', () => {
    const [cluster] = people([{ name: 'John Smith', count: 2 }, { name: 'John Smith' }, { name: 'JOHN SMITH' }]);
    expect(cluster?.members).toEqual([
      { name: 'John Smith', count: 3, key: 'john smith', autoMerge: true },
      { name: 'JOHN SMITH', count: 1, key: 'john smith', autoMerge: true },
    ]);
  });

  it('does not auto-merge the same name annotated with two different branches', () => {
    const [cluster] = people([{ name: 'Mike Jones (Denver)' }, { name: 'Mike Jones (Boulder)' }]);
    expect(cluster?.autoMerge).toBe(false);
    expect(cluster?.members.every((m) => !m.autoMerge)).toBe(true);
    expect(cluster?.evidence[0]).toMatch(/different branch annotations/);
  });
});

describe('clusterNames (sales-person): review candidates', () => {
  it('links a nickname to the formal name, only with the nickname list', () => {
    const input = [{ name: 'Robert Allen', count: 10 }, { name: 'Bob Allen', count: 2 }];
    const [cluster] = people(input);
    expect(names(cluster)).toEqual(['Bob Allen', 'Robert Allen']);
    expect(cluster?.autoMerge).toBe(false);
    expect(cluster?.canonical).toBe('Robert Allen');
    expect(cluster?.evidence).toContain('nickname Bob → Robert');
    expect(cluster?.score).toBeGreaterThan(0.75);
    expect(cluster?.score).toBeLessThan(1);
    expect(clusterNames(input, { kind: 'sales-person' })).toEqual([]);
  });

  it('marks only the canonical form as safe to merge automatically', () => {
    const [cluster] = people([{ name: 'Robert Allen', count: 10 }, { name: 'ALLEN, ROBERT', count: 3 }, { name: 'Bob Allen' }]);
    const byName = new Map(cluster?.members.map((m) => [m.name, m.autoMerge]));
    expect(byName).toEqual(new Map([['Robert Allen', true], ['ALLEN, ROBERT', true], ['Bob Allen', false]]));
  });

  it('links a one-letter typo and says which', () => {
    const [cluster] = people([{ name: 'John Doe', count: 9 }, { name: 'Jhon Doe' }]);
    expect(names(cluster)).toEqual(['Jhon Doe', 'John Doe']);
    expect(cluster?.evidence).toContain('first name: one letter transposed (Jhon ~ John), Jhon is not a known given name');
  });

  it('links the same name in reversed order', () => {
    const [cluster] = people([{ name: 'Isla Hall' }, { name: 'Hall Isla' }]);
    expect(names(cluster)).toEqual(['Hall Isla', 'Isla Hall']);
    expect(cluster?.evidence).toContain('same name, order reversed');
  });

  it('links a name with and without a suffix, never Jr. with Sr.', () => {
    const clusters = people([{ name: 'Kevin Brown Jr.' }, { name: 'Kevin Brown', count: 3 }, { name: 'Kevin Brown Sr.' }]);
    expect(clusters).toHaveLength(1);
    const members = names(clusters[0]);
    expect(members).toContain('Kevin Brown');
    expect(members).toHaveLength(2);
    expect(clusters[0]?.evidence.some((e) => /^suffix (Jr|Sr)\. only in one spelling$/.test(e))).toBe(true);
  });

  it('never puts different middle names in one cluster, even through a shared spelling', () => {
    const clusters = people([{ name: 'John A. Smith' }, { name: 'John Smith', count: 5 }, { name: 'John B. Smith' }]);
    const cluster = clusterOf(clusters, 'John Smith');
    expect(cluster?.members).toHaveLength(2);
    expect(clusterOf(clusters, 'John A. Smith')).not.toBe(clusterOf(clusters, 'John B. Smith'));
  });

  it('links spellings that differ only in spacing', () => {
    const [cluster] = people([{ name: 'Mary Ann Smith' }, { name: 'Maryann Smith' }]);
    expect(cluster?.evidence).toContain('same letters, spacing differs');
  });
});

describe('clusterNames (sales-person): different people are not merged carelessly', () => {
  it('keeps John Smith, Joan Smith and John Smyth apart when each is common', () => {
    const input = [
      { name: 'John Smith', count: 20 },
      { name: 'Joan Smith', count: 15 },
      { name: 'John Smyth', count: 12 },
    ];
    expect(people(input)).toEqual([]);
  });

  it('keeps them apart with unknown counts too (both names are known given names; i/y may be two surnames)', () => {
    expect(people([{ name: 'John Smith' }, { name: 'Joan Smith' }, { name: 'John Smyth' }])).toEqual([]);
  });

  it('uses counts: a rare vowel variant of a common surname becomes a candidate, with the reason', () => {
    const [cluster] = people([{ name: 'John Smith', count: 50 }, { name: 'John Smyth', count: 1 }]);
    expect(names(cluster)).toEqual(['John Smith', 'John Smyth']);
    expect(cluster?.evidence).toContain('John Smyth is rare (1 vs 50 rows), typical of a typo');
  });

  it('uses counts: two common spellings one letter apart are not linked', () => {
    expect(people([{ name: 'Maria Lopez', count: 30 }, { name: 'Mario Lopez', count: 25 }])).toEqual([]);
  });

  it('does not link a typo in the first name when the surname differs too', () => {
    expect(people([{ name: 'John Smith' }, { name: 'Jhon Smiht' }])).toEqual([]);
  });

  it('does not chain two formal names through an ambiguous nickname (the list links Bill to William and Robert)', () => {
    const clusters = people([{ name: 'William Smith', count: 5 }, { name: 'Bill Smith', count: 2 }, { name: 'Robert Smith', count: 5 }]);
    expect(clusters).toHaveLength(1);
    expect(names(clusters[0])).toContain('Bill Smith');
    expect(clusterOf(clusters, 'William Smith')).not.toBe(clusterOf(clusters, 'Robert Smith'));
  });

  it('does not chain John → Jon → Joan', () => {
    const clusters = people([{ name: 'John Smith', count: 10 }, { name: 'Jon Smith', count: 2 }, { name: 'Joan Smith', count: 10 }]);
    expect(clusters).toHaveLength(1);
    expect(names(clusters[0])).toEqual(['John Smith', 'Jon Smith']);
  });
});

describe('clusterNames (sales-person): initials and single names', () => {
  it('joins "J. Smith" to the only J… Smith', () => {
    const [cluster] = people([{ name: 'John Smith', count: 4 }, { name: 'J. Smith' }, { name: 'Mary Smith' }]);
    expect(names(cluster)).toEqual(['J. Smith', 'John Smith']);
    expect(cluster?.evidence).toContain('initial J. matches John (only candidate)');
    expect(cluster?.canonical).toBe('John Smith');
  });

  it('leaves "J. Smith" alone when John Smith and James Smith both exist', () => {
    const clusters = people([{ name: 'John Smith' }, { name: 'James Smith' }, { name: 'J. Smith' }]);
    expect(clusterOf(clusters, 'J. Smith')).toBeUndefined();
  });

  it('counts spellings of one person as one candidate ("J. Smith" with John and Jon Smith)', () => {
    const [cluster] = people([{ name: 'John Smith', count: 5 }, { name: 'Jon Smith' }, { name: 'J. Smith' }]);
    expect(names(cluster)).toEqual(['J. Smith', 'John Smith', 'Jon Smith']);
    expect(cluster?.evidence).toContain('initial J. matches John, Jon (one cluster)');
  });

  it('prefers the full name as canonical even when the initial is more frequent', () => {
    const [cluster] = people([{ name: 'J. Smith', count: 40 }, { name: 'John Smith', count: 2 }]);
    expect(cluster?.canonical).toBe('John Smith');
  });

  it('joins "John S." to the only John S…', () => {
    const [cluster] = people([{ name: 'John Smith' }, { name: 'John S.' }]);
    expect(cluster?.evidence).toContain('surname initial S. matches Smith (only candidate)');
  });

  it('joins a single name to its only candidate, weakly, and not when there are two', () => {
    const [cluster] = people([{ name: 'Grace Kelly' }, { name: 'Grace' }]);
    expect(names(cluster)).toEqual(['Grace', 'Grace Kelly']);
    expect(cluster?.evidence).toContain('single name Grace matches the first name of Grace Kelly (only candidate)');
    expect(cluster?.score).toBeLessThan(0.75);
    expect(people([{ name: 'Grace Kelly' }, { name: 'Grace Jones' }, { name: 'Grace' }])).toEqual([]);
  });
});

describe('clusterNames (sales-person): output', () => {
  it('returns clusters with most rows first, scores within 0..1, and links naming both sides', () => {
    const clusters = people([
      { name: 'Jhon Doe' },
      { name: 'John Doe', count: 3 },
      { name: 'Robert Allen', count: 10 },
      { name: 'Bob Allen' },
    ]);
    expect(clusters.map((c) => c.canonical)).toEqual(['Robert Allen', 'John Doe']);
    for (const cluster of clusters) {
      expect(cluster.score).toBeGreaterThan(0);
      expect(cluster.score).toBeLessThanOrEqual(1);
      expect(cluster.links.length).toBeGreaterThan(0);
      expect(cluster.kind).toBe('sales-person');
    }
    expect(clusters[0]?.links[0]).toMatchObject({ from: 'Bob Allen', to: 'Robert Allen', evidence: ['nickname Bob → Robert'] });
  });

  it('does not depend on input order', () => {
    const input = [{ name: 'John Smith', count: 5 }, { name: 'Jon Smith' }, { name: 'J. Smith' }, { name: 'Joan Smith', count: 5 }];
    expect(people([...input].reverse())).toEqual(people(input));
  });

  it('ignores blank names', () => {
    expect(people([{ name: '' }, { name: '   ' }, { name: 'John Smith' }])).toEqual([]);
  });
});
