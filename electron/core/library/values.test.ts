import { describe, expect, it } from 'vitest';
import { parseCliParams, resolveParamValues } from './values.ts';
import { closestNames } from './suggest.ts';
import type { LibraryParam } from '../../../shared/contract/index.ts';

const params: LibraryParam[] = [
  { name: 'period', type: 'daterange', default: '2019-01-01..2025-12-31', label: 'Job dates' },
  { name: 'branch', type: 'branch', default: null, label: 'Branch' },
  { name: 'min_jobs', type: 'integer', default: 1, label: 'Minimum jobs' },
  { name: 'share', type: 'number', default: 0.5, label: 'Share' },
  { name: 'closed', type: 'boolean', default: true, label: 'Closed only' },
  { name: 'city', type: 'text', default: '', label: 'City' },
  { name: 'day', type: 'date', default: '2024-01-01', label: 'Day' },
];
const query = { slug: 'revenue-by-month', params };
const defaults = { period: '2019-01-01..2025-12-31', branch: null, min_jobs: 1, share: 0.5, closed: true, city: '', day: '2024-01-01' };
const message = (work: () => unknown) => {
  try {
    work();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};
const accepted =
  'revenue-by-month accepts: period (daterange: two dates FROM..TO (YYYY-MM-DD..YYYY-MM-DD); default 2019-01-01..2025-12-31), ' +
  'branch (branch: all (null) or an id; default all), min_jobs (integer: a whole number; default 1), share (number: a number; default 0.5), ' +
  'closed (boolean: true or false; default true), city (text: any text; default ""), day (date: a date YYYY-MM-DD; default 2024-01-01)';

describe('parameter values from the contract', () => {
  it('fills defaults and checks the given values, in canonical form', () => {
    expect(resolveParamValues(query, {})).toEqual(defaults);
    expect(resolveParamValues(query, { branch: 4, min_jobs: '7', share: 2, closed: false, city: "'); drop table job; --", day: '2024-02-29', period: '2020-01-01 .. 2020-12-31' })).toEqual({
      period: '2020-01-01..2020-12-31',
      branch: 4,
      min_jobs: 7,
      share: 2,
      closed: false,
      city: "'); drop table job; --",
      day: '2024-02-29',
    });
    expect(resolveParamValues(query, { branch: 'all' }).branch).toBeNull();
  });

  it('says what is wrong and lists every accepted parameter with its type', () => {
    expect(message(() => resolveParamValues(query, { min_job: 3 }))).toBe(`unknown parameter "min_job"; ${accepted}`);
    expect(message(() => resolveParamValues(query, { min_jobs: 2.5 }))).toBe(`parameter "min_jobs" (integer): expected a whole number, got 2.5; ${accepted}`);
    expect(message(() => resolveParamValues(query, { day: '2023-02-29' }))).toMatch(/^parameter "day" \(date\): expected a date YYYY-MM-DD, got "2023-02-29"; /);
    expect(message(() => resolveParamValues(query, { branch: 'Denver' }))).toMatch(/^parameter "branch" \(branch\): expected all or a branch id/);
    expect(message(() => resolveParamValues(query, { closed: 'maybe' }))).toMatch(/^parameter "closed" \(boolean\): expected true or false/);
    expect(message(() => resolveParamValues(query, { city: null }))).toMatch(/^parameter "city" \(text\): expected text, got null/);
    expect(message(() => resolveParamValues({ slug: 'rows', params: [] }, { x: 1 }))).toBe('unknown parameter "x"; rows takes no parameters');
  });
});

describe('parameter values from the command line', () => {
  it('parses text flags and leaves lookup names for the database', () => {
    expect(parseCliParams(query, ['min_jobs=3', 'closed=no', 'city=Fort Collins', 'branch=Denver North', 'period=2021-01-01..2021-06-30'])).toEqual({
      values: { ...defaults, min_jobs: 3, closed: false, city: 'Fort Collins', period: '2021-01-01..2021-06-30', branch: undefined },
      lookups: [{ param: 'branch', kind: 'branch', text: 'Denver North' }],
    });
    expect(parseCliParams(query, ['branch=ALL', 'city=a=b']).values).toMatchObject({ branch: null, city: 'a=b' });
    expect(parseCliParams(query, ['branch=12']).values.branch).toBe(12);
  });

  it('refuses unknown, repeated, malformed and ill-typed flags, listing what is accepted', () => {
    expect(message(() => parseCliParams(query, ['nope=1']))).toMatch(/^unknown parameter "nope"; revenue-by-month accepts: period \(daterange/);
    expect(message(() => parseCliParams(query, ['nope=1']))).toContain('branch (branch: all, an id, or a branch name; default all)');
    expect(message(() => parseCliParams(query, ['min_jobs']))).toMatch(/^--param "min_jobs": expected name=value; revenue-by-month accepts/);
    expect(message(() => parseCliParams(query, ['min_jobs=1', 'min_jobs=2']))).toBe('parameter "min_jobs" is given twice');
    expect(message(() => parseCliParams(query, ['period=2021']))).toMatch(/^parameter "period" \(daterange\): expected two dates FROM..TO such as 2019-01-01..2025-12-31, got "2021"; /);
  });
});

describe('closest slugs', () => {
  const slugs = ['revenue-by-month', 'revenue-by-branch', 'jobs-by-branch', 'table-row-counts', 'lead-conversion-by-source'];
  it('suggests typos first, then slugs sharing the words', () => {
    expect(closestNames('revenue-by-mnth', slugs)).toEqual(['revenue-by-month', 'revenue-by-branch']);
    expect(closestNames('revenue', slugs)).toEqual(['revenue-by-month', 'revenue-by-branch']);
    expect(closestNames('branch', slugs)).toEqual(['jobs-by-branch', 'revenue-by-branch']);
    expect(closestNames('conversion', slugs)).toEqual(['lead-conversion-by-source']);
    expect(closestNames('zzzz', slugs)).toEqual([]);
  });
});
