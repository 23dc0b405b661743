-- name: Revenue by month
-- description: Closed-job revenue and job count per calendar month. Read the line for seasonality
--   (summer peaks) and growth year over year; a month with jobs but little revenue points at
--   missing revenue figures in the export.
-- category: Analytics
-- tags: revenue, seasonality, trend, monthly
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
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch)
 group by 1
having count(*) >= :min_jobs
 order by 1
