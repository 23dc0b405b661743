import { describe, expect, it } from 'vitest';
import { DbError } from '../db/index.ts';
import { parseLibraryFile } from '../library/parse.ts';
import { resolveParamValues } from '../library/values.ts';
import { prepareLibraryStatement } from './library-run.ts';

const text = `-- name: Jobs in a branch
-- description: d (:branch in a comment stays)
-- category: Operational
-- param: period daterange = 2024-01-01..2024-12-31 "Dates"
-- param: branch branch = all "Branch"
-- param: city text = "" "City"
-- chart: none
select count(*) as jobs, ':city' as literal
  from job j
 where j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch)
   and (:city = '' or j.origin_city = :city)
`;
const query = parseLibraryFile(text, { folder: 'operational', slug: 'jobs-in-a-branch' });
const body = (sql: string) => sql.split('\n').slice(7).join('\n');

describe('prepareLibraryStatement', () => {
  it('binds every value as a parameter, numbered by first use, and leaves the header and strings alone', () => {
    const prepared = prepareLibraryStatement(query, resolveParamValues(query, { branch: 3, city: "'); drop table job; --" }), query.sql);
    expect(prepared.sql.split('\n').slice(0, 7).join('\n')).toBe(text.split('\n').slice(0, 7).join('\n'));
    expect(body(prepared.sql)).toBe(`select count(*) as jobs, ':city' as literal
  from job j
 where j.job_date between $1::date and $2::date
   and ($3::bigint is null or j.branch_id = $3)
   and ($4 = '' or j.origin_city = $4)
`);
    expect(prepared.params).toEqual(['2024-01-01', '2024-12-31', 3, "'); drop table job; --"]);
  });

  it('binds an edited text with the same parameters, skipping the ones it no longer uses', () => {
    const edited = 'select count(*) as jobs from job where job_date <= :period_to::date';
    const prepared = prepareLibraryStatement(query, resolveParamValues(query, {}), edited);
    expect(prepared).toMatchObject({ sql: 'select count(*) as jobs from job where job_date <= $1::date', params: ['2024-12-31'] });
  });

  it('refuses a placeholder the header does not declare, at its position in the edited text', () => {
    const edited = 'select 1 from job where city = :town';
    const error = (() => {
      try {
        prepareLibraryStatement(query, resolveParamValues(query, {}), edited);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).toInfo()).toEqual({
      sqlstate: '42P02',
      message: 'there is no parameter :town',
      position: edited.indexOf(':town') + 1,
      hint: 'the header declares :period_from, :period_to, :branch, :city',
    });
  });
});
