-- name: Branch gross-margin rank, year by year
-- description: Each branch's gross margin rate (closed revenue less the four recorded costs, over
--   revenue) for every year, its rank among the branches that year, the company rate, and the change
--   in points on its own previous year. Read a branch's rows in order: a rank that slips while the
--   company rate holds means that branch is losing ground on price or cost, not the market.
-- category: Benchmarking
-- tags: branch, margin, ranking, trend
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: min_jobs integer = 20 "Minimum closed jobs per branch and year"
-- chart: line x=job_year y=gross_margin_rate,company_margin_rate
-- format: closed_jobs=integer, closed_revenue=currency, gross_margin_rate=percent, margin_rank=integer, company_margin_rate=percent, change_points=number
with per_branch_year as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         extract(year from j.job_date)::int as job_year,
         count(*) as closed_jobs,
         coalesce(sum(j.revenue), 0) as closed_revenue,
         coalesce(sum(coalesce(j.labor_cost, 0) + coalesce(j.truck_cost, 0)
                      + coalesce(j.materials_cost, 0) + coalesce(j.other_cost, 0)), 0) as total_cost
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
   group by 1, 2
),
rated as (
  select branch, job_year, closed_jobs, closed_revenue,
         (closed_revenue - total_cost) / nullif(closed_revenue, 0) as margin_rate,
         (sum(closed_revenue) over (partition by job_year) - sum(total_cost) over (partition by job_year))
           / nullif(sum(closed_revenue) over (partition by job_year), 0) as company_rate
    from per_branch_year
),
shown as (
  select *
    from rated
   where closed_jobs >= :min_jobs::int
)
select branch,
       job_year,
       closed_jobs,
       closed_revenue,
       round(margin_rate, 4) as gross_margin_rate,
       rank() over (partition by job_year order by margin_rate desc nulls last) as margin_rank,
       round(company_rate, 4) as company_margin_rate,
       round((margin_rate - lag(margin_rate) over (partition by branch order by job_year)) * 100, 1) as change_points
  from shown
 order by branch, job_year
