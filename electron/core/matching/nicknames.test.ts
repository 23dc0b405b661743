import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNicknames } from './nickname-loader.ts';
import { isKnownGivenName, nicknameMapFrom, nicknameRelation, nicknameRoots, parseNicknameCsv } from './nicknames.ts';

const shippedList = fileURLToPath(new URL('../../../resources/nicknames/names.csv', import.meta.url));

describe('parseNicknameCsv', () => {
  it('reads name1,has_nickname,name2 rows, skipping the header and other relationships', () => {
    const map = parseNicknameCsv('name1,relationship,name2\nrobert,has_nickname,bob\nrobert,rhymes_with,albert\n\n');
    expect([...(map.nicknamesOf.get('robert') ?? [])]).toEqual(['bob']);
    expect(map.linkedWith.has('albert')).toBe(false);
  });

  it('rejects malformed rows with their line number', () => {
    expect(() => parseNicknameCsv('name1,relationship,name2\nrobert;bob')).toThrow(/line 2/);
  });
});

describe('nicknameRelation', () => {
  const map = nicknameMapFrom([
    ['robert', 'bob'],
    ['robert', 'rob'],
    ['john', 'jon'],
    ['jon', 'john'],
  ]);

  it('finds a direct nickname in either argument order and names the formal one', () => {
    expect(nicknameRelation(map, 'bob', 'robert')).toEqual({ kind: 'nickname', nickname: 'bob', formal: 'robert' });
    expect(nicknameRelation(map, 'robert', 'bob')).toEqual({ kind: 'nickname', nickname: 'bob', formal: 'robert' });
  });

  it('calls the longer name formal when the list has the pair both ways', () => {
    expect(nicknameRelation(map, 'jon', 'john')).toEqual({ kind: 'nickname', nickname: 'jon', formal: 'john' });
  });

  it('finds two nicknames of one name', () => {
    expect(nicknameRelation(map, 'bob', 'rob')).toEqual({ kind: 'shared', names: ['bob', 'rob'], via: 'robert' });
  });

  it('does not relate two formal names through a nickname they share', () => {
    const messy = nicknameMapFrom([
      ['bill', 'robert'],
      ['bill', 'william'],
    ]);
    expect(nicknameRelation(messy, 'robert', 'william')).toBeNull();
  });

  it('returns null for unrelated or unknown names, and without a map', () => {
    expect(nicknameRelation(map, 'bob', 'john')).toBeNull();
    expect(nicknameRelation(map, 'zed', 'robert')).toBeNull();
    expect(nicknameRelation(undefined, 'bob', 'robert')).toBeNull();
  });

  it('gives related names a shared blocking root', () => {
    const shared = (a: string, b: string): boolean => nicknameRoots(map, a).some((root) => nicknameRoots(map, b).includes(root));
    expect(shared('bob', 'robert')).toBe(true);
    expect(shared('bob', 'rob')).toBe(true);
    expect(shared('bob', 'john')).toBe(false);
  });
});

describe('loadNicknames (shipped list)', () => {
  const map = loadNicknames(shippedList);

  it('loads the Apache-2.0 list from resources/nicknames', () => {
    expect(map.linkedWith.size).toBeGreaterThan(1000);
    expect(nicknameRelation(map, 'bob', 'robert')?.kind).toBe('nickname');
    expect(nicknameRelation(map, 'mike', 'michael')?.kind).toBe('nickname');
    expect(isKnownGivenName(map, 'joan')).toBe(true);
    expect(isKnownGivenName(map, 'jhon')).toBe(false);
  });
});
