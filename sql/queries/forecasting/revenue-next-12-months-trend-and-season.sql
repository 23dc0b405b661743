-- name: Next 12 months revenue: trend times seasonality
-- description: A classic decomposition forecast. Monthly revenue over the fit period is divided by the
--   month's seasonal index, a straight line is fitted to the deseasonalized series, and the line is
--   extended for the 12 months after the fit period and multiplied back by each month's index.
--   Each row is a future month with the trend value, the seasonal index, the projection and the
--   same month's actual a year earlier for comparison. Read the projection as a baseline plan, not
--   as a promise; it assumes the trend and the season both hold.
-- category: Forecasting
-- tags: forecast, seasonality, linear regression, next 12 months
-- param: fit_period daterange = 2019-01-01..2025-10-31 "Months to fit (complete months only)"
-- param: branch branch = all "Branch"
-- chart: line x=month y=projected_revenue,same_month_last_year
-- format: month=date, deseasonalized_trend=currency, seasonal_index=number, projected_revenue=currency, same_month_last_year=currency
with monthly as (
  select date_trunc('month', j.job_date)::date as month,
         sum(j.revenue) as revenue
    from job j
   where j.status = 'CLOSED'
     and j.job_date between :fit_period_from::date and :fit_period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
),
ratios as (
  select month, revenue,
         revenue / nullif(avg(revenue) over (partition by extract(year from month)), 0) as ratio,
         count(*) over (partition by extract(year from month)) as months_in_year
    from monthly
),
season as (
  select extract(month from month)::int as month_number, avg(ratio) as seasonal_index
    from ratios
   where months_in_year = 12
   group by 1
),
deseasonalized as (
  select r.month,
         (extract(year from r.month) * 12 + extract(month from r.month))::int as month_index,
         r.revenue / nullif(s.seasonal_index, 0) as level
    from ratios r
    join season s on s.month_number = extract(month from r.month)::int
),
fit as (
  select regr_slope(level, month_index) as slope,
         regr_intercept(level, month_index) as intercept,
         max(month) as last_month
    from deseasonalized
),
future as (
  select (f.last_month + make_interval(months => g))::date as month,
         (extract(year from f.last_month) * 12 + extract(month from f.last_month))::int + g as month_index
    from fit f
   cross join generate_series(1, 12) as g
)
select fu.month,
       round((f.intercept + f.slope * fu.month_index)::numeric, 2) as deseasonalized_trend,
       round(s.seasonal_index::numeric, 3) as seasonal_index,
       round(((f.intercept + f.slope * fu.month_index) * s.seasonal_index)::numeric, 2) as projected_revenue,
       m.revenue as same_month_last_year
  from future fu
 cross join fit f
  join season s on s.month_number = extract(month from fu.month)::int
  left join monthly m on m.month = (fu.month - interval '1 year')::date
 order by fu.month
