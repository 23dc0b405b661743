import { describe, expect, it } from 'vitest';
import { clusterNames } from './cluster.ts';
import type { PlaceDataEvidence } from './place-evidence.ts';
import { foldPlaces } from './place-fold.ts';
import type { PlaceFolding } from './place-fold.ts';
import { loadPlaceKnowledge } from './place-knowledge-loader.ts';
import type { NameInput } from './types.ts';

const knowledge = loadPlaceKnowledge();
const input = (names: readonly string[]): NameInput[] => names.map((name) => ({ name, count: 10 }));
const branches = (names: readonly string[], evidence?: PlaceDataEvidence) => foldPlaces(input(names), 'branch', { knowledge, ...(evidence ? { evidence } : {}) });
const sources = (names: readonly string[]) => foldPlaces(input(names), 'lead-source', { knowledge });

/** The groups as sorted lists of raw spellings. */
function groupsOf(folding: PlaceFolding): string[][] {
  return folding.groups.map((g) => g.members.map((m) => m.name).sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
const together = (folding: PlaceFolding, ...names: string[]) => new Set(names.map((n) => folding.keyOf.get(n))).size === 1;

/** Rows per raw spelling: the same sales people and origins for one office, others for another. */
function evidenceOf(spec: Record<string, { people: string[]; origins: Record<string, number> }>): PlaceDataEvidence {
  const people = new Map<string, Map<string, number>>();
  const origins = new Map<string, Map<string, number>>();
  for (const [raw, { people: names, origins: where }] of Object.entries(spec)) {
    people.set(raw, new Map(names.map((n) => [n, 5])));
    origins.set(raw, new Map(Object.entries(where)));
  }
  return { people, origins };
}

describe('foldPlaces (branch): spelling rules and the shipped lists', () => {
  it('folds case, states, generic words, airport codes, nicknames, abbreviated states and two-city names', () => {
    const folding = branches([
      'Denver', 'DENVER', 'Denver, CO', 'Denver Colorado', 'DEN', 'Denver Branch', 'Denver Metro', 'Mile High City',
      'Colorado Springs', 'COS', 'CO Springs', 'Colo Springs', 'Colorado Spgs', 'Colorado Springs, CO',
      'Dallas', 'DFW', 'Dallas/Fort Worth', 'Dallas - Fort Worth', 'Big D',
      'Nashville', 'BNA', 'Music City', 'Nashville TN',
      'Minneapolis', 'Minneapolis/St. Paul', 'MSP',
    ]);
    expect(groupsOf(folding)).toEqual([
      ['BNA', 'Music City', 'Nashville', 'Nashville TN'],
      ['Big D', 'DFW', 'Dallas', 'Dallas - Fort Worth', 'Dallas/Fort Worth'],
      ['CO Springs', 'COS', 'Colo Springs', 'Colorado Spgs', 'Colorado Springs', 'Colorado Springs, CO'],
      ['DEN', 'DENVER', 'Denver', 'Denver Branch', 'Denver Colorado', 'Denver Metro', 'Denver, CO', 'Mile High City'],
      ['MSP', 'Minneapolis', 'Minneapolis/St. Paul'],
    ]);
    expect(folding.groups.find((g) => g.key === 'denver')?.canonical).toBe('Denver');
    expect(folding.notesOf.get('DEN')).toEqual(['airport code DEN → Denver, CO']);
    expect(folding.notesOf.get('Music City')).toEqual(['nickname Music City → Nashville, TN']);
    expect(folding.notesOf.get('Colo Springs')).toEqual(['Colo read as Colorado → Colorado Springs, CO']);
    expect(folding.notesOf.get('Dallas/Fort Worth')?.[0]).toMatch(/→ Dallas, TX \/ Fort Worth, TX$/);
  });

  it('never folds two branches of one state, or a code whose city has no branch of its own', () => {
    const folding = branches(['Denver', 'Colorado Springs', 'Pueblo', 'Dallas', 'Austin', 'Houston', 'PHX', 'Aurora']);
    expect(folding.groups).toHaveLength(8);
  });

  it('leaves a code or a two-city name that fits two branches for review', () => {
    const names = ['Dallas', 'Fort Worth', 'DFW', 'Dallas/Fort Worth'];
    const folding = branches(names);
    expect(groupsOf(folding)).toEqual([['DFW', 'Dallas/Fort Worth'], ['Dallas'], ['Fort Worth']]);
    const clusters = clusterNames(input(names), { kind: 'branch', placeKnowledge: knowledge });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.autoMerge).toBe(false);
    expect(clusters[0]?.members.map((m) => m.name).sort()).toEqual(['DFW', 'Dallas', 'Dallas/Fort Worth']);
    expect(clusters[0]?.evidence[0]).toMatch(/^both name Dallas, TX \(/);
  });

  it('tells Portland, OR from Portland, ME, and leaves a bare Portland alone without data', () => {
    const names = ['Portland, OR', 'Portland, ME', 'PDX', 'PWM', 'Portland Oregon', 'Portland'];
    const folding = branches(names);
    expect(groupsOf(folding)).toEqual([['PDX', 'Portland Oregon', 'Portland, OR'], ['PWM', 'Portland, ME'], ['Portland']]);
    // The engine offers the bare name for review next to one of them, never both states in one cluster.
    const clusters = clusterNames(input(names), { kind: 'branch', placeKnowledge: knowledge });
    expect(clusters.filter((c) => c.autoMerge).map((c) => c.members.map((m) => m.name).sort())).toEqual([['PDX', 'Portland Oregon', 'Portland, OR']]);
    expect(clusters.find((c) => c.members.some((m) => m.name === 'Portland'))?.autoMerge).toBe(false);
    for (const c of clusters) expect(c.members.some((m) => m.name === 'Portland, OR') && c.members.some((m) => m.name === 'Portland, ME')).toBe(false);
  });

  it('folds "Denver Branch" into "Denver" only when "Denver" cannot be one of several branches', () => {
    expect(together(branches(['Denver', 'Denver Branch']), 'Denver', 'Denver Branch')).toBe(true);
    const folding = branches(['Denver', 'Denver Branch', 'Denver East', 'Denver West', 'DEN']);
    expect(groupsOf(folding)).toEqual([['DEN'], ['Denver'], ['Denver Branch'], ['Denver East'], ['Denver West']]);
  });
});

describe('foldPlaces (branch): the data', () => {
  const denverPeople = ['ann lee', 'bob ray', 'cy young', 'di fox', 'ed ames', 'flo rida'];
  const springsPeople = ['gus grant', 'hal holt', 'ida irving', 'jo james', 'kim kerr'];
  const denverOrigins = { 'denver|co': 60, 'aurora|co': 20, 'boulder|co': 10 };

  it('lets a bare name follow the state its moves start in', () => {
    const evidence = evidenceOf({
      Portland: { people: ['a b', 'c d'], origins: { 'portland|or': 40, 'beaverton|or': 10 } },
      'Portland, OR': { people: ['a b', 'c d'], origins: { 'portland|or': 30 } },
      'Portland, ME': { people: ['e f'], origins: { 'portland|me': 30 } },
    });
    const folding = branches(['Portland', 'Portland, OR', 'Portland, ME'], evidence);
    expect(groupsOf(folding)).toEqual([['Portland', 'Portland, OR'], ['Portland, ME']]);
  });

  it('keeps a code apart when its rows say another state, and queues it for review', () => {
    const evidence = evidenceOf({
      Denver: { people: denverPeople, origins: denverOrigins },
      DEN: { people: ['x y', 'z w'], origins: { 'dallas|tx': 30 } },
    });
    const folding = branches(['Denver', 'DEN'], evidence);
    expect(folding.groups).toHaveLength(2);
    expect(folding.suggestions).toEqual([
      { keys: ['den', 'denver'], score: 0.85, evidence: ['airport code DEN → Denver, CO', 'kept apart: the data puts Denver in CO and DEN in TX'] },
    ]);
  });

  it('folds a spelling the names do not place into the one office whose sales people it shares', () => {
    const evidence = evidenceOf({
      Denver: { people: denverPeople, origins: denverOrigins },
      'Colorado Springs': { people: springsPeople, origins: { 'coloradosprings|co': 50, 'fountain|co': 10 } },
      'Mile Hi Office': { people: denverPeople.slice(0, 4), origins: { 'denver|co': 18, 'aurora|co': 6, 'boulder|co': 2 } },
      'The Hub': { people: [denverPeople[0]!, springsPeople[0]!], origins: { 'denver|co': 5 } },
    });
    const folding = branches(['Denver', 'Colorado Springs', 'Mile Hi Office', 'The Hub'], evidence);
    expect(groupsOf(folding)).toEqual([['Colorado Springs'], ['Denver', 'Mile Hi Office'], ['The Hub']]);
    expect(folding.notesOf.get('Mile Hi Office')).toEqual([
      'Mile Hi Office shares 4 of its 4 sales people with Denver, moves start in CO, origin cities alike (cosine 1.00)',
    ]);
    expect(folding.suggestions).toEqual([]);
  });

  it('never folds two offices in one state that share a few sales people, and offers a thin overlap for review', () => {
    const evidence = evidenceOf({
      Denver: { people: denverPeople, origins: denverOrigins },
      'Colorado Springs': { people: [...springsPeople, denverPeople[0]!], origins: { 'coloradosprings|co': 50 } },
      'South Office': { people: [...springsPeople.slice(0, 2), 'q r', 's t', 'u v'], origins: { 'pueblo|co': 40 } },
    });
    const folding = branches(['Denver', 'Colorado Springs', 'South Office'], evidence);
    expect(folding.groups).toHaveLength(3);
    expect(folding.suggestions.map((s) => s.keys)).toEqual([['colorado springs', 'south office']]);
    expect(folding.suggestions[0]?.evidence[0]).toMatch(/^South Office shares 2 of its 5 sales people with Colorado Springs/);
  });
});

describe('foldPlaces (lead-source)', () => {
  it('folds synonyms, spacing, web addresses, generic words, acronyms and plurals', () => {
    const folding = foldPlaces([{ name: 'Facebook', count: 50 }, ...input([
      'Google Ads', 'GoogleAds', 'Google AdWords', 'Google PPC', 'google ads ',
      'FB', 'Meta Ads', 'Facebook Ads', 'FaceBook',
      'Yelp', 'Yelp.com', 'Yelp Ads',
      'MyMovingReviews', 'My Moving Reviews', 'MMR',
      'Moving.com', 'Movingcom', 'Moving dot com',
      'Billboard', 'Billboards', 'Bill Board',
      'Walk-in', 'Walk In', 'Drive By',
    ])], 'lead-source', { knowledge });
    expect(groupsOf(folding)).toEqual([
      ['Bill Board', 'Billboard', 'Billboards'],
      ['Drive By', 'Walk In', 'Walk-in'],
      ['FB', 'FaceBook', 'Facebook', 'Facebook Ads', 'Meta Ads'],
      ['Google AdWords', 'Google Ads', 'Google PPC', 'GoogleAds', 'google ads '],
      ['MMR', 'My Moving Reviews', 'MyMovingReviews'],
      ['Moving dot com', 'Moving.com', 'Movingcom'],
      ['Yelp', 'Yelp Ads', 'Yelp.com'],
    ]);
    expect(folding.notesOf.get('Meta Ads')).toEqual(['synonym Meta → Facebook']);
    expect(folding.notesOf.get('MMR')).toEqual(['acronym MMR = My Moving Reviews']);
    expect(folding.groups.find((g) => g.members.some((m) => m.name === 'FB'))?.canonical).toBe('Facebook');
  });

  it('keeps the Google sources, and a bare "Google", apart', () => {
    const folding = sources(['Google Ads', 'Google Organic', 'Google Search', 'Google My Business', 'GMB', 'Google Maps', 'Google', 'Google Local Services Ads']);
    expect(groupsOf(folding)).toEqual([
      ['GMB', 'Google Maps', 'Google My Business'],
      ['Google'],
      ['Google Ads'],
      ['Google Local Services Ads'],
      ['Google Organic', 'Google Search'],
    ]);
  });

  it('keeps referrals of different kinds apart', () => {
    const folding = sources(['Referral', 'Word of Mouth', 'Friend Referral', 'Realtor Referral', 'Realtor', 'Apartment Referral', 'Apartment Complex', 'Repeat Customer', 'Repeat']);
    expect(groupsOf(folding)).toEqual([
      ['Apartment Complex', 'Apartment Referral'],
      ['Friend Referral', 'Referral', 'Word of Mouth'],
      ['Realtor', 'Realtor Referral'],
      ['Repeat', 'Repeat Customer'],
    ]);
  });

  it('folds only by spelling without the lists', () => {
    const folding = foldPlaces(input(['Meta Ads', 'Facebook', 'Face Book']), 'lead-source');
    expect(groupsOf(folding)).toEqual([['Face Book', 'Facebook'], ['Meta Ads']]);
  });
});
