-- name: Backtest of the year-over-year forecast
-- description: Tests the simple "same month last year times last year's growth" forecast on a year
--   that has already happened. For every month of the test year it shows the forecast (made with data
--   up to the end of the year before), the actual revenue, the error and the absolute percentage error,
--   and the mean absolute percentage error (MAPE) over the year on every row. Read the MAPE as the
--   typical miss to expect from this method per month; months with large errors mark where the
--   season shifted.
-- category: Forecasting
-- tags: backtest, forecast accuracy, MAPE, year over year
-- param: test_year integer = 2024 "Year to test (needs the two years before it)"
-- param: branch branch = all "Branch"
-- chart: line x=month y=actual_revenue,forecast_revenue
-- format: month=date, forecast_revenue=currency, actual_revenue=currency, forecast_error=currency, abs_pct_error=percent, mape=percent
with monthly as (
  select extract(year from j.job_date)::int as job_year,
         extract(month from j.job_date)::int as month_number,
         sum(j.revenue) as revenue
    from job j
   where j.status = 'CLOSED'
     and j.job_date >= make_date(:test_year::int - 2, 1, 1)
     and j.job_date < make_date(:test_year::int + 1, 1, 1)
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1, 2
),
growth as (
  select sum(revenue) filter (where job_year = :test_year::int - 1)
         / nullif(sum(revenue) filter (where job_year = :test_year::int - 2), 0) as factor
    from monthly
),
compared as (
  select make_date(:test_year::int, a.month_number, 1) as month,
         round(p.revenue * g.factor, 2) as forecast_revenue,
         a.revenue as actual_revenue
    from monthly a
    join monthly p on p.job_year = :test_year::int - 1 and p.month_number = a.month_number
   cross join growth g
   where a.job_year = :test_year::int
)
select month,
       forecast_revenue,
       actual_revenue,
       actual_revenue - forecast_revenue as forecast_error,
       round(abs(actual_revenue - forecast_revenue) / nullif(actual_revenue, 0), 4) as abs_pct_error,
       round(avg(abs(actual_revenue - forecast_revenue) / nullif(actual_revenue, 0)) over (), 4) as mape
  from compared
 order by month
