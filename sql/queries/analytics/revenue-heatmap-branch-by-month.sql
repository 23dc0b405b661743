-- name: Revenue heatmap: branch by month
-- description: Closed revenue for every branch and calendar month, in long format (branch, month,
--   value) for a heatmap, with each cell's share of that month's company revenue. Read along a row
--   for a branch's seasonality and across a column for which branches carried a given month; empty
--   cells before a branch's first job mean it had not opened yet.
-- category: Analytics
-- tags: heatmap, branch, monthly, revenue
-- param: period daterange = 2024-01-01..2025-10-31 "Job dates"
-- param: min_jobs integer = 1 "Minimum closed jobs per cell"
-- chart: bar x=month y=closed_revenue
-- format: month=date, closed_jobs=integer, closed_revenue=currency, share_of_month=percent
with cells as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         date_trunc('month', j.job_date)::date as month,
         count(*) as closed_jobs,
         coalesce(sum(j.revenue), 0) as closed_revenue
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
   group by 1, 2
),
shared as (
  select branch,
         month,
         closed_jobs,
         closed_revenue,
         round(closed_revenue / nullif(sum(closed_revenue) over (partition by month), 0), 4) as share_of_month
    from cells
)
select branch, month, closed_jobs, closed_revenue, share_of_month
  from shared
 where closed_jobs >= :min_jobs::int
 order by branch, month
