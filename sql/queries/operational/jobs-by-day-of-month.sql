-- name: Month-end crunch: jobs by day of the month
-- description: Average crew jobs per calendar day for each day of the month (1–31), counting every
--   calendar day in the period so that day 31 is not under-counted. Leases end on the last days of the
--   month, so expect a sharp rise from about day 25; the ratio to the month's average day
--   (load_index, 1.0 = an average day) says how many extra crews the last days need.
-- category: Operational
-- tags: month end, scheduling, capacity, seasonality
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=day_of_month y=avg_jobs_per_day
-- format: day_of_month=integer, calendar_days=integer, jobs=integer, avg_jobs_per_day=number, load_index=number
with calendar as (
  select extract(day from d)::int as day_of_month, count(*) as calendar_days
    from generate_series(:period_from::date::timestamp, :period_to::date::timestamp, interval '1 day') as d
   group by 1
), jobs as (
  select extract(day from j.job_date)::int as day_of_month, count(*) as jobs
    from job j
   where j.status in ('CLOSED', 'BOOKED', 'PENDING')
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
   group by 1
)
select c.day_of_month,
       c.calendar_days,
       coalesce(j.jobs, 0) as jobs,
       round(coalesce(j.jobs, 0)::numeric / c.calendar_days, 3) as avg_jobs_per_day,
       round((coalesce(j.jobs, 0)::numeric / c.calendar_days)
             / nullif(sum(coalesce(j.jobs, 0)) over () / sum(c.calendar_days) over (), 0), 2) as load_index
  from calendar c
  left join jobs j on j.day_of_month = c.day_of_month
 order by c.day_of_month
