-- name: Gross margin trend by month
-- description: Closed-job revenue, cost and gross margin per month, with the margin percentage and the
--   same month a year earlier for comparison (prior_year_margin_pct). Read the line for seasonality —
--   summer months carry the profit — and the year-over-year column for drift: margin falling while
--   revenue grows means costs (wages, fuel) are rising faster than prices.
-- category: Profitability
-- tags: margin, trend, monthly, year over year
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: line x=month y=closed_revenue,gross_margin
-- format: month=date, closed_jobs=integer, closed_revenue=currency, total_cost=currency, gross_margin=currency, gross_margin_pct=percent, prior_year_margin_pct=percent
with monthly as (
  select date_trunc('month', j.job_date)::date as month,
         count(*) as closed_jobs,
         sum(j.revenue) as closed_revenue,
         sum(coalesce(j.labor_cost, 0) + coalesce(j.truck_cost, 0) + coalesce(j.materials_cost, 0) + coalesce(j.other_cost, 0)) as total_cost
    from job j
   where j.status = 'CLOSED'
     and j.revenue > 0
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
     and (:lead_source::bigint is null or j.lead_source_id = :lead_source)
   group by 1
)
select m.month,
       m.closed_jobs,
       m.closed_revenue,
       m.total_cost,
       m.closed_revenue - m.total_cost as gross_margin,
       round((m.closed_revenue - m.total_cost) / m.closed_revenue, 4) as gross_margin_pct,
       round((p.closed_revenue - p.total_cost) / p.closed_revenue, 4) as prior_year_margin_pct
  from monthly m
  left join monthly p on p.month = (m.month - interval '1 year')::date
 order by m.month
