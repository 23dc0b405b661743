-- name: Monthly revenue growth against the same month last year
-- description: Each month's closed revenue beside the same calendar month a year earlier and the
--   year-over-year growth rate. Comparing like months removes the summer peak, so the growth line
--   shows the underlying trend: read a run of negative months as a real slowdown, a single one as
--   noise. Months without a prior-year month are left out.
-- category: Analytics
-- tags: revenue, growth, year over year, monthly
-- param: period daterange = 2020-01-01..2025-10-31 "Months to show"
-- param: branch branch = all "Branch"
-- chart: line x=month y=yoy_growth
-- format: month=date, closed_revenue=currency, same_month_last_year=currency, revenue_change=currency, yoy_growth=percent
with monthly as (
  select date_trunc('month', j.job_date)::date as month,
         sum(j.revenue) as closed_revenue
    from job j
   where j.status = 'CLOSED'
     and j.job_date between (:period_from::date - interval '1 year') and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
)
select cur.month,
       cur.closed_revenue,
       prev.closed_revenue as same_month_last_year,
       cur.closed_revenue - prev.closed_revenue as revenue_change,
       round(cur.closed_revenue / nullif(prev.closed_revenue, 0) - 1, 4) as yoy_growth
  from monthly cur
  join monthly prev on prev.month = (cur.month - interval '1 year')::date
 where cur.month between :period_from::date and :period_to::date
 order by cur.month
