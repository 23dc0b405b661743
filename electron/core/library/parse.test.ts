import { describe, expect, it } from 'vitest';
import { parseLibraryFile } from './parse.ts';

const docExample = `-- name: Revenue by month
-- description: Closed-job revenue and job count per calendar month. Read the line for seasonality
--   (summer peaks) and growth year over year.
-- category: Analytics
-- tags: revenue, seasonality, trend
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: min_jobs integer = 1 "Minimum jobs per month"
-- chart: line x=month y=revenue,jobs
-- format: revenue=currency, jobs=integer, month=date
select date_trunc('month', j.job_date)::date as month,
       count(*) as jobs,
       coalesce(sum(j.revenue), 0) as revenue
  from job j
 where j.status = 'CLOSED'
   and j.job_date between :period_from and :period_to
   and (:branch::bigint is null or j.branch_id = :branch)
 group by 1
having count(*) >= :min_jobs
 order by 1
`;

const at = { folder: 'analytics', slug: 'revenue-by-month' };
const parse = (text: string, location = at) => parseLibraryFile(text, location);
const error = (text: string, location = at) => {
  try {
    parse(text, location);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};
/** The doc example with one header line replaced (or removed with ''). */
const withLine = (prefix: string, line: string) =>
  docExample
    .split('\n')
    .flatMap((l) => (l.startsWith(prefix) ? (line === '' ? [] : [line]) : [l]))
    .join('\n');

describe('parseLibraryFile', () => {
  it('reads the documented example', () => {
    const q = parse(docExample);
    expect({ ...q, sql: undefined }).toEqual({
      slug: 'revenue-by-month',
      name: 'Revenue by month',
      category: 'Analytics',
      description: 'Closed-job revenue and job count per calendar month. Read the line for seasonality (summer peaks) and growth year over year.',
      tags: ['revenue', 'seasonality', 'trend'],
      params: [
        { name: 'period', type: 'daterange', default: '2019-01-01..2025-12-31', label: 'Job dates' },
        { name: 'branch', type: 'branch', default: null, label: 'Branch' },
        { name: 'min_jobs', type: 'integer', default: 1, label: 'Minimum jobs per month' },
      ],
      chart: { type: 'line', x: 'month', y: ['revenue', 'jobs'] },
      formats: { revenue: 'currency', jobs: 'integer', month: 'date' },
      file: 'analytics/revenue-by-month.sql',
      sql: undefined,
    });
    expect(q.sql).toBe(docExample);
  });

  it('reads every parameter type and its default', () => {
    const q = parse(`-- name: All types
-- description: d
-- category: Data Quality
-- param: day date = 2024-02-29 "Day"
-- param: top integer = -3 "Top"
-- param: share number = 0.5 "Share"
-- param: city text = Denver "City"
-- param: note text = "" "Note"
-- param: closed boolean = false "Closed only"
-- param: person sales_person = all "Sales person"
-- param: source lead_source = 7 "Source"
-- chart: none
select :day::date, :top, :share, :city, :note, :closed, :person::bigint, :source::bigint
`, { folder: 'data-quality', slug: 'all-types' });
    expect(q.params.map((p) => [p.name, p.type, p.default])).toEqual([
      ['day', 'date', '2024-02-29'],
      ['top', 'integer', -3],
      ['share', 'number', 0.5],
      ['city', 'text', 'Denver'],
      ['note', 'text', ''],
      ['closed', 'boolean', false],
      ['person', 'sales_person', null],
      ['source', 'lead_source', 7],
    ]);
    expect(q.chart).toEqual({ type: 'none' });
    expect(q.tags).toEqual([]);
    expect(q.formats).toEqual({});
  });

  it('names the file and line of header mistakes', () => {
    expect(error(withLine('-- chart:', ''))).toBe('analytics/revenue-by-month.sql: the header needs "-- chart: …"');
    expect(error(withLine('-- category:', '-- category: Analytic'))).toBe(
      'analytics/revenue-by-month.sql:4: unknown category "Analytic"; the categories are listed in docs/query-library.md',
    );
    expect(error(withLine('-- category:', '-- category: Forecasting'))).toBe('analytics/revenue-by-month.sql:4: category "Forecasting" belongs in folder forecasting/, not analytics/');
    expect(error(docExample, { folder: 'misc', slug: 'revenue-by-month' })).toBe('misc/revenue-by-month.sql: folder "misc" is not a category folder (see docs/query-library.md)');
    expect(error(docExample, { folder: 'analytics', slug: 'Revenue_By_Month' })).toMatch(/^analytics\/Revenue_By_Month\.sql: the file name must be a slug/);
    expect(error(withLine('-- tags:', '-- titel: x'))).toBe(
      'analytics/revenue-by-month.sql:5: unknown header field "titel" (the fields are name, description, category, tags, chart, format, param)',
    );
    expect(error(withLine('-- tags:', '-- name: again'))).toBe('analytics/revenue-by-month.sql:5: header field "name" appears twice (first on line 1)');
    expect(error(withLine('-- chart:', '-- chart: pie x=month y=revenue'))).toBe('analytics/revenue-by-month.sql:9: chart type must be bar, line or none, got "pie"');
    expect(error(withLine('-- chart:', '-- chart: bar x=month'))).toBe('analytics/revenue-by-month.sql:9: a bar chart needs x=COLUMN and y=COL1,COL2');
    expect(error(withLine('-- format:', '-- format: revenue=money'))).toBe(
      'analytics/revenue-by-month.sql:10: format "revenue=money": the formats are currency, percent, date, integer, number',
    );
    expect(error(withLine('-- name:', '-- name:'))).toBe('analytics/revenue-by-month.sql:1: header field "name" is empty');
  });

  it('names the line of a bad parameter declaration', () => {
    expect(error(withLine('-- param: min_jobs', '-- param: min_jobs int = 1 "Minimum"'))).toBe(
      'analytics/revenue-by-month.sql:8: parameter "min_jobs" has unknown type "int"; the types are date, daterange, integer, number, text, boolean, branch, sales_person, lead_source',
    );
    expect(error(withLine('-- param: min_jobs', '-- param: min_jobs integer = many "Minimum"'))).toBe(
      'analytics/revenue-by-month.sql:8: parameter "min_jobs" default: expected a whole number, got "many"',
    );
    expect(error(withLine('-- param: min_jobs', '-- param: min_jobs integer = 1'))).toBe(
      'analytics/revenue-by-month.sql:8: expected NAME TYPE = DEFAULT "Label", got "min_jobs integer = 1"',
    );
    expect(error(withLine('-- param: period', '-- param: period daterange = 2025-01-01..2019-12-31 "Dates"'))).toBe(
      'analytics/revenue-by-month.sql:6: parameter "period" default: the range 2025-01-01..2019-12-31 ends before it starts',
    );
    expect(error(withLine('-- param: branch', '-- param: period_from date = 2020-01-01 "From"'))).toBe(
      'analytics/revenue-by-month.sql:7: parameter "period_from" clashes with "period" over :period_from',
    );
    expect(error(withLine('-- param: branch', '-- param: Branch branch = all "Branch"'))).toBe(
      'analytics/revenue-by-month.sql:7: parameter name "Branch" must be lowercase letters, digits and underscores, starting with a letter',
    );
  });

  it('refuses unknown placeholders, declared-but-unused parameters and positional ones, naming the file', () => {
    expect(error(docExample.replace('>= :min_jobs', '>= :min_job'))).toBe(
      'analytics/revenue-by-month.sql:19: unknown parameter :min_job in the SQL (declared: :period_from, :period_to, :branch, :min_jobs)',
    );
    expect(error(docExample.replace('between :period_from and :period_to', 'between :period and :period'))).toBe(
      'analytics/revenue-by-month.sql:16: unknown parameter :period in the SQL (a daterange is used as :period_from and :period_to)',
    );
    expect(error(docExample.replace('>= :min_jobs', '>= 1'))).toBe('analytics/revenue-by-month.sql: parameter "min_jobs" is declared but :min_jobs does not appear in the SQL');
    expect(error(docExample.replace('and :period_to', "and date '2025-12-31'"))).toBe(
      'analytics/revenue-by-month.sql: parameter "period" is declared but :period_to does not appear in the SQL',
    );
    expect(error(docExample.replace('>= :min_jobs', '>= $1'))).toBe('analytics/revenue-by-month.sql:19: use named parameters (:name), not $1');
    // A placeholder-looking text in a string or comment is not a use.
    expect(error(docExample.replace('>= :min_jobs', ">= 1 -- :min_jobs"))).toMatch(/"min_jobs" is declared but/);
  });

  it('refuses a file with a header and no SQL', () => {
    expect(error('-- name: x\n-- description: d\n-- category: Analytics\n-- chart: none\n\n-- nothing here\n')).toBe(
      'analytics/revenue-by-month.sql:5: the SQL after the header is empty',
    );
  });
});

describe('header continuation lines', () => {
  it('continue the previous value even when they look like a field', () => {
    const q = parseLibraryFile(
      '-- name: Crew hours\n-- description: Use it for headcount\n--   planning: divide by working days.\n-- category: Operational\n-- chart: none\nselect 1 as one\n',
      { folder: 'operational', slug: 'crew-hours' },
    );
    expect(q.description).toBe('Use it for headcount planning: divide by working days.');
  });
});
