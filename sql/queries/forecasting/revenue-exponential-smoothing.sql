-- name: Exponentially smoothed revenue and next-month forecast
-- description: Simple exponential smoothing of monthly closed revenue, computed step by step with a
--   recursive query: each month's smoothed level is alpha times the month's revenue plus (1 - alpha)
--   times the previous level, and the previous level is the forecast for the month. A last row gives
--   the forecast for the month after the period. Read the error column for how far off a one-step
--   forecast runs; a higher alpha follows recent months more closely but is noisier.
-- category: Forecasting
-- tags: exponential smoothing, forecast, recursive, revenue
-- param: period daterange = 2019-01-01..2025-10-31 "Months"
-- param: alpha number = 0.3 "Smoothing weight of the latest month (0 to 1)"
-- param: branch branch = all "Branch"
-- chart: line x=month y=closed_revenue,forecast_revenue
-- format: month=date, closed_revenue=currency, forecast_revenue=currency, smoothed_level=currency, forecast_error=currency
with recursive months as (
  select generate_series(date_trunc('month', :period_from::date), date_trunc('month', :period_to::date), interval '1 month')::date as month
),
monthly as (
  select row_number() over (order by m.month) as step,
         m.month,
         coalesce(sum(j.revenue), 0)::numeric as revenue
    from months m
    left join job j
      on j.status = 'CLOSED'
     and j.job_date >= m.month
     and j.job_date < (m.month + interval '1 month')
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by m.month
),
smoothed as (
  select step, month, revenue, null::numeric as forecast, revenue as level
    from monthly
   where step = 1
  union all
  select m.step, m.month, m.revenue, s.level,
         (:alpha::numeric * m.revenue + (1 - :alpha::numeric) * s.level)
    from smoothed s
    join monthly m on m.step = s.step + 1
),
with_next as (
  select month, revenue, forecast, level from smoothed
  union all
  select (month + interval '1 month')::date, null, level, null
    from smoothed
   where step = (select max(step) from monthly)
)
select month,
       revenue as closed_revenue,
       round(forecast, 2) as forecast_revenue,
       round(level, 2) as smoothed_level,
       round(revenue - forecast, 2) as forecast_error
  from with_next
 order by month
