-- name: Job heatmap: calendar month by weekday
-- description: Jobs scheduled on each weekday of each calendar month, in long format (one row per
--   month and weekday) for a heatmap, with the number of distinct days behind each cell and jobs per
--   such day. Read the hot cells to plan crews: summer Fridays and Saturdays fill first; a weekday
--   that is cold in every month is a candidate for discounts. Cancelled jobs are left out.
-- category: Analytics
-- tags: heatmap, seasonality, weekday, scheduling
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=weekday y=job_count
-- format: month_number=integer, weekday_number=integer, job_count=integer, days_with_jobs=integer, jobs_per_day=number
select extract(month from j.job_date)::int as month_number,
       to_char(j.job_date, 'Mon') as month_name,
       extract(isodow from j.job_date)::int as weekday_number,
       to_char(j.job_date, 'Dy') as weekday,
       count(*) as job_count,
       count(distinct j.job_date) as days_with_jobs,
       round(count(*)::numeric / count(distinct j.job_date), 2) as jobs_per_day
  from job j
 where j.status <> 'CANCELLED'
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch::bigint)
 group by 1, 2, 3, 4
 order by 1, 3
