-- name: Weekly job volume against the busiest week so far
-- description: Jobs per week (Monday start) that use a crew, with the record week up to that point and
--   a 13-week rolling average. share_of_peak near 1 means the week ran at the highest load seen so far,
--   the signal to add trucks or crews before next season; a rolling average climbing toward the peak
--   line means the busy season is getting longer, not just higher. crew_members_scheduled sums crew
--   sizes, the head count needed that week.
-- category: Operational
-- tags: capacity, weekly, peak, seasonality, crews
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: line x=week_start y=jobs,peak_jobs_to_date,rolling_13_week_avg
-- format: week_start=date, jobs=integer, crew_members_scheduled=integer, peak_jobs_to_date=integer, share_of_peak=percent, rolling_13_week_avg=number
with weekly as (
  select date_trunc('week', j.job_date)::date as week_start,
         count(*) as jobs,
         coalesce(sum(j.crew_size), 0) as crew_members_scheduled
    from job j
   where j.status in ('CLOSED', 'BOOKED', 'PENDING')
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
   group by 1
)
select week_start,
       jobs,
       crew_members_scheduled,
       max(jobs) over (order by week_start rows between unbounded preceding and current row) as peak_jobs_to_date,
       round(jobs::numeric / max(jobs) over (order by week_start rows between unbounded preceding and current row), 4) as share_of_peak,
       round(avg(jobs) over (order by week_start rows between 12 preceding and current row), 1) as rolling_13_week_avg
  from weekly
 order by week_start
