-- name: Yearly revenue, gross margin and average ticket
-- description: One row per calendar year: closed jobs, closed revenue, total recorded cost, gross
--   margin, margin rate and average ticket, plus revenue growth on the year before. Read it as the
--   annual summary for a board pack; the current year is partial (jobs after the export date are
--   still scheduled), so compare it with the year-to-date pace query instead of the full prior year.
-- category: Analytics
-- tags: revenue, yearly, margin, growth
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=job_year y=closed_revenue,gross_margin
-- format: closed_jobs=integer, closed_revenue=currency, total_cost=currency, gross_margin=currency, gross_margin_rate=percent, avg_ticket=currency, revenue_growth=percent
with yearly as (
  select extract(year from j.job_date)::int as job_year,
         count(*) as closed_jobs,
         coalesce(sum(j.revenue), 0) as closed_revenue,
         coalesce(sum(coalesce(j.labor_cost, 0) + coalesce(j.truck_cost, 0)
                      + coalesce(j.materials_cost, 0) + coalesce(j.other_cost, 0)), 0) as total_cost,
         round(avg(j.revenue), 2) as avg_ticket
    from job j
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
)
select job_year,
       closed_jobs,
       closed_revenue,
       total_cost,
       closed_revenue - total_cost as gross_margin,
       round((closed_revenue - total_cost) / nullif(closed_revenue, 0), 4) as gross_margin_rate,
       avg_ticket,
       round(closed_revenue / nullif(lag(closed_revenue) over (order by job_year), 0) - 1, 4) as revenue_growth
  from yearly
 order by job_year
