-- name: Busiest days of the week
-- description: Crew jobs (Closed, Booked, Pending) by weekday, with the average number of jobs on each
--   such calendar day in the period (days without jobs count as zero) and the crew members they needed.
--   Read avg_jobs_per_calendar_day to decide which weekdays need a full roster and which can run with a
--   skeleton crew; Saturdays and Mondays usually carry the load, Sundays almost none.
-- category: Operational
-- tags: weekday, scheduling, capacity, busiest days
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=weekday y=avg_jobs_per_calendar_day
-- format: weekday_number=integer, jobs=integer, share_of_jobs=percent, calendar_days=integer, avg_jobs_per_calendar_day=number, avg_crew_members_per_calendar_day=number
with calendar as (
  select extract(isodow from d)::int as weekday_number, count(*) as calendar_days
    from generate_series(:period_from::date::timestamp, :period_to::date::timestamp, interval '1 day') as d
   group by 1
), jobs as (
  select extract(isodow from j.job_date)::int as weekday_number,
         count(*) as jobs,
         coalesce(sum(j.crew_size), 0) as crew_members
    from job j
   where j.status in ('CLOSED', 'BOOKED', 'PENDING')
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
   group by 1
)
select c.weekday_number,
       (array['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])[c.weekday_number] as weekday,
       coalesce(j.jobs, 0) as jobs,
       round(coalesce(j.jobs, 0)::numeric / nullif(sum(coalesce(j.jobs, 0)) over (), 0), 4) as share_of_jobs,
       c.calendar_days,
       round(coalesce(j.jobs, 0)::numeric / c.calendar_days, 2) as avg_jobs_per_calendar_day,
       round(coalesce(j.crew_members, 0)::numeric / c.calendar_days, 2) as avg_crew_members_per_calendar_day
  from calendar c
  left join jobs j on j.weekday_number = c.weekday_number
 order by c.weekday_number
