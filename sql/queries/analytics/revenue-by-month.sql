-- name: Revenue by month
-- description: Closed-job revenue and job count per calendar month. Read the line for seasonality
--   (summer peaks) and growth year over year; a month with jobs but little revenue points at
--   missing revenue figures in the export.
-- chart: line x=month y=revenue
select date_trunc('month', job_date)::date as month,
       count(*) as jobs,
       coalesce(sum(revenue), 0) as revenue
  from job
 where status = 'CLOSED'
 group by 1
 order by 1
