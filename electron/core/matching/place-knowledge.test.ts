import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizePlaceName } from './normalize-place.ts';
import { parsePlaceKnowledge } from './place-knowledge.ts';
import { loadPlaceKnowledge, placeKnowledgeFiles, shippedResourcesDir } from './place-knowledge-loader.ts';
import { branchReading, leadSourceReading } from './place-reading.ts';

describe('the shipped place and channel lists', () => {
  const knowledge = loadPlaceKnowledge();

  it('parse, with a README beside each file and no code listed twice', () => {
    for (const file of Object.values(placeKnowledgeFiles)) {
      expect(existsSync(join(shippedResourcesDir, file))).toBe(true);
      expect(existsSync(join(shippedResourcesDir, file, '..', 'README.md'))).toBe(true);
    }
    const codes = readFileSync(join(shippedResourcesDir, placeKnowledgeFiles.airports), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThan(250);
    expect(knowledge.nicknames.size).toBeGreaterThan(100);
    expect(knowledge.channels.size).toBeGreaterThan(150);
  });

  it('cover the whole country, not only one company’s cities', () => {
    for (const code of ['ATL', 'SEA', 'BOS', 'ANC', 'HNL', 'BGR', 'FAR', 'ELP', 'SJU']) expect(knowledge.airports.has(code.toLowerCase())).toBe(true);
    expect(knowledge.cities.get('portland')?.map((p) => p.label).sort()).toEqual(['Portland, ME', 'Portland, OR']);
    expect(knowledge.nicknames.get('queencity')?.map((p) => p.label)).toEqual(['Charlotte, NC', 'Cincinnati, OH']);
  });

  it('never map two different Google channels, or two kinds of referral, to one name', () => {
    const channelOf = (raw: string) => leadSourceReading(normalizePlaceName(raw, 'lead-source')!, knowledge).tokens.join(' ');
    const google = ['Google Ads', 'Google Organic', 'Google Business Profile', 'Google Local Services Ads'].map(channelOf);
    expect(new Set(google).size).toBe(4);
    expect(new Set(['Referral', 'Realtor Referral', 'Apartment Complex', 'Repeat Customer'].map(channelOf)).size).toBe(4);
    expect(channelOf('Google')).toBe('google');
  });

  it('read branch spellings as places', () => {
    const read = (raw: string) => branchReading(normalizePlaceName(raw, 'branch')!, knowledge);
    expect(read('Denver').anchor?.known).toBe(true);
    expect(read('DEN').refers?.evidence).toBe('airport code DEN → Denver, CO');
    expect(read('CO Springs').refers?.evidence).toBe('Co read as Colorado → Colorado Springs, CO');
    expect(read('Raleigh Durham').refers?.places.map((p) => p.label)).toEqual(['Raleigh, NC', 'Durham, NC']);
    expect(read('Winston-Salem').anchor?.known).toBe(true);
    expect(read('Denver East').anchor).toMatchObject({ known: false, city: 'denvereast' });
  });
});

describe('parsePlaceKnowledge', () => {
  it('rejects a file with another header, a bad row, an unknown state or a bad code', () => {
    expect(() => parsePlaceKnowledge({ airports: 'code,name\nDEN,Denver\n' })).toThrow(/expected the header iata,airport,cities,state/);
    expect(() => parsePlaceKnowledge({ nicknames: 'nickname,city,state\nMusic City,Nashville\n' })).toThrow(/line 2: expected 3 fields/);
    expect(() => parsePlaceKnowledge({ nicknames: 'nickname,city,state\nMusic City,Nashville,XX\n' })).toThrow(/unknown state "XX"/);
    expect(() => parsePlaceKnowledge({ airports: 'iata,airport,cities,state\nDENV,Denver,Denver,CO\n' })).toThrow(/not an IATA code/);
  });

  it('works with any of the lists left out', () => {
    const knowledge = parsePlaceKnowledge({ channels: 'name,same_as\nMeta,Facebook\n' });
    expect(knowledge.channels.get('meta')).toEqual(['facebook']);
    expect(knowledge.airports.size).toBe(0);
    expect(knowledge.stateWords.get('co')).toEqual(['colorado']);
  });
});
