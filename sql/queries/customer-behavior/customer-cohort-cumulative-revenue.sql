-- name: Cumulative revenue per customer by cohort age
-- description: For each first-move year cohort, the closed revenue its customers have brought by the
--   end of each year since their first move (0 = the first move's year), divided by the number of
--   customers in the cohort; a lifetime-value curve in long format (cohort, age, value). Read how far each curve climbs
--   after year 0: that lift is what repeat business adds to a customer's value, and the latest cohorts
--   show whether it is improving.
-- category: Customer Behavior
-- tags: cohorts, lifetime value, cumulative revenue, curve
-- param: period daterange = 2019-01-01..2025-12-31 "First-move dates"
-- param: branch branch = all "Branch of the first move"
-- chart: line x=years_since_first y=cumulative_revenue_per_customer
-- format: years_since_first=integer, cohort_customers=integer, revenue_in_year=currency, cumulative_revenue_per_customer=currency
with moves as (
  select j.customer_id,
         coalesce(j.booked_opportunity_id::text, j.job_number) as move_key,
         min(j.job_date) as move_date,
         min(j.branch_id) as branch_id,
         coalesce(sum(j.revenue), 0) as move_revenue
    from job j
   where j.status = 'CLOSED'
     and j.customer_id is not null
   group by 1, 2
),
firsts as (
  select distinct on (customer_id) customer_id, move_date as first_move, branch_id
    from moves
   order by customer_id, move_date, move_key
),
cohort as (
  select customer_id, extract(year from first_move)::int as cohort_year
    from firsts
   where first_move between :period_from::date and :period_to::date
     and (:branch::bigint is null or branch_id = :branch::bigint)
),
sizes as (
  select cohort_year, count(*) as cohort_customers from cohort group by 1
),
ages as (
  select s.cohort_year, s.cohort_customers, a.years_since_first
    from sizes s
   cross join lateral generate_series(0, (select max(extract(year from move_date))::int from moves) - s.cohort_year) as a(years_since_first)
),
revenue as (
  select co.cohort_year,
         extract(year from m.move_date)::int - co.cohort_year as years_since_first,
         sum(m.move_revenue) as revenue_in_year
    from cohort co
    join moves m on m.customer_id = co.customer_id
   group by 1, 2
)
select a.cohort_year,
       a.years_since_first,
       a.cohort_customers,
       coalesce(r.revenue_in_year, 0) as revenue_in_year,
       round(sum(coalesce(r.revenue_in_year, 0)) over (partition by a.cohort_year order by a.years_since_first)
             / a.cohort_customers, 2) as cumulative_revenue_per_customer
  from ages a
  left join revenue r using (cohort_year, years_since_first)
 order by a.cohort_year, a.years_since_first
