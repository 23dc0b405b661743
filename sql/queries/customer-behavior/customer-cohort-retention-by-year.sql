-- name: Cohort retention triangle by year
-- description: For each first-job year cohort, the share of its customers who had a closed move in
--   each later calendar year (years since first job 0, 1, 2, ...), in long format (cohort, offset,
--   value). Year 0 is the acquisition year. Read down a column to compare cohorts at the same age and
--   along a cohort to see how quickly customers stop coming back; moving companies see low but
--   steady return rates a few years out.
-- category: Customer Behavior
-- tags: cohorts, retention, triangle, yearly
-- param: period daterange = 2019-01-01..2025-12-31 "First-job dates"
-- param: branch branch = all "Branch of the first move"
-- chart: line x=years_since_first y=retention_rate
-- format: years_since_first=integer, cohort_customers=integer, active_customers=integer, retention_rate=percent
with moves as (
  select j.customer_id,
         coalesce(j.booked_opportunity_id::text, j.job_number) as move_key,
         min(j.job_date) as move_date,
         min(j.branch_id) as branch_id
    from job j
   where j.status = 'CLOSED'
     and j.customer_id is not null
   group by 1, 2
),
first_moves as (
  select distinct on (customer_id) customer_id, branch_id
    from moves
   order by customer_id, move_date, move_key
),
cohort as (
  select c.customer_id, extract(year from c.first_job_at)::int as cohort_year
    from customer c
    join first_moves f on f.customer_id = c.customer_id
   where c.first_job_at between :period_from::date and :period_to::date
     and (:branch::bigint is null or f.branch_id = :branch::bigint)
),
sizes as (
  select cohort_year, count(*) as cohort_customers from cohort group by 1
),
activity as (
  select co.cohort_year,
         extract(year from m.move_date)::int - co.cohort_year as years_since_first,
         count(distinct co.customer_id) as active_customers
    from cohort co
    join moves m on m.customer_id = co.customer_id
   group by 1, 2
)
select a.cohort_year,
       a.years_since_first,
       s.cohort_customers,
       a.active_customers,
       round(a.active_customers::numeric / s.cohort_customers, 4) as retention_rate
  from activity a
  join sizes s using (cohort_year)
 where a.years_since_first >= 0
 order by a.cohort_year, a.years_since_first
