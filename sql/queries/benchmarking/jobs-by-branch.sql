-- name: Jobs and revenue by branch
-- description: Jobs, closed revenue and average revenue per closed job for each branch, largest
--   first. Branches appear by their raw export spelling until the branch lookup pipeline has run.
-- category: Benchmarking
-- tags: branch, revenue, volume, comparison
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- chart: bar x=branch y=jobs
-- format: jobs=integer, closed_revenue=currency, avg_closed_revenue=currency
select coalesce(b.name, j.raw_branch, '(none)') as branch,
       count(*) as jobs,
       coalesce(sum(j.revenue) filter (where j.status = 'CLOSED'), 0) as closed_revenue,
       round(avg(j.revenue) filter (where j.status = 'CLOSED'), 2) as avg_closed_revenue
  from job j
  left join branch b using (branch_id)
 where j.job_date between :period_from::date and :period_to::date
 group by 1
 order by jobs desc
