-- name: Booked work on the books after a date
-- description: Jobs scheduled after the as-of date (status BOOKED or PENDING) by month, with the
--   estimated revenue of their booked opportunities (each opportunity counted once), beside the
--   closed revenue of the same month a year earlier and the ratio of the two (coverage). Read the
--   coverage as how much of last year's month is already secured; it rises toward the month as
--   late bookings arrive, so a low figure far ahead is normal.
-- category: Forecasting
-- tags: pipeline, booked revenue, forward bookings, coverage
-- param: as_of date = 2025-11-14 "Bookings as of (the export date)"
-- param: branch branch = all "Branch"
-- chart: bar x=month y=booked_estimate,same_month_last_year_revenue
-- format: month=date, scheduled_jobs=integer, booked_estimate=currency, same_month_last_year_revenue=currency, coverage=percent
with scheduled as (
  select date_trunc('month', j.job_date)::date as month,
         count(*) as scheduled_jobs
    from job j
   where j.status in ('BOOKED', 'PENDING')
     and j.job_date > :as_of::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
),
estimates as (
  select date_trunc('month', first_date)::date as month, sum(estimated_amount) as booked_estimate
    from (select o.booked_opportunity_id, min(j.job_date) as first_date, max(o.estimated_amount) as estimated_amount
            from job j
            join booked_opportunity o on o.booked_opportunity_id = j.booked_opportunity_id
           where j.status in ('BOOKED', 'PENDING')
             and j.job_date > :as_of::date
             and (:branch::bigint is null or j.branch_id = :branch::bigint)
           group by o.booked_opportunity_id) per_opportunity
   group by 1
),
last_year as (
  select date_trunc('month', j.job_date)::date as month, sum(j.revenue) as revenue
    from job j
   where j.status = 'CLOSED'
     and j.job_date > :as_of::date - interval '1 year'
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
)
select s.month,
       s.scheduled_jobs,
       coalesce(e.booked_estimate, 0) as booked_estimate,
       ly.revenue as same_month_last_year_revenue,
       round(coalesce(e.booked_estimate, 0) / nullif(ly.revenue, 0), 4) as coverage
  from scheduled s
  left join estimates e using (month)
  left join last_year ly on ly.month = (s.month - interval '1 year')::date
 order by s.month
