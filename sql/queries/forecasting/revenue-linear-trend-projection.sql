-- name: Monthly revenue linear trend and projection
-- description: Fits a straight line (least squares, regr_slope and regr_intercept) through monthly
--   closed revenue over the fit period and extends it for the chosen number of months. Each row is a
--   month with its actual revenue (empty for future months) and the trend value; the slope (dollars
--   per month) and R-squared repeat on every row. Read the slope as the underlying growth and
--   R-squared as how much of the month-to-month movement the line explains (seasonality keeps it low).
-- category: Forecasting
-- tags: trend, linear regression, projection, revenue
-- param: fit_period daterange = 2019-01-01..2025-10-31 "Months to fit (complete months only)"
-- param: horizon_months integer = 12 "Months to project"
-- param: branch branch = all "Branch"
-- chart: line x=month y=actual_revenue,trend_revenue
-- format: month=date, actual_revenue=currency, trend_revenue=currency, slope_per_month=currency, r_squared=number
with monthly as (
  select date_trunc('month', j.job_date)::date as month,
         sum(j.revenue) as revenue
    from job j
   where j.status = 'CLOSED'
     and j.job_date between :fit_period_from::date and :fit_period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
),
indexed as (
  select month, revenue,
         (extract(year from month) * 12 + extract(month from month))::int as month_index
    from monthly
),
fit as (
  select regr_slope(revenue, month_index) as slope,
         regr_intercept(revenue, month_index) as intercept,
         regr_r2(revenue, month_index) as r2,
         max(month) as last_month
    from indexed
),
timeline as (
  select month, revenue as actual_revenue, month_index from indexed
  union all
  select (f.last_month + make_interval(months => g))::date,
         null,
         (extract(year from f.last_month) * 12 + extract(month from f.last_month))::int + g
    from fit f
   cross join generate_series(1, :horizon_months::int) as g
)
select t.month,
       t.actual_revenue,
       round((f.intercept + f.slope * t.month_index)::numeric, 2) as trend_revenue,
       round(f.slope::numeric, 2) as slope_per_month,
       round(f.r2::numeric, 3) as r_squared
  from timeline t
 cross join fit f
 order by t.month
