-- name: Seasonal index by calendar month
-- description: How much each calendar month runs above or below an average month, for revenue and for
--   job count: each month's value divided by its own year's monthly average, then averaged over the
--   complete years in the period (1.00 = an average month). Read it as the multiplier to turn an
--   annual plan into months: summer months run well above 1.00, winter below. Use complete years only,
--   or the missing months distort the index.
-- category: Forecasting
-- tags: seasonality, seasonal index, monthly, planning
-- param: period daterange = 2019-01-01..2024-12-31 "Complete years to average"
-- param: branch branch = all "Branch"
-- chart: bar x=month_name y=revenue_seasonal_index,jobs_seasonal_index
-- format: month_number=integer, avg_monthly_revenue=currency, revenue_seasonal_index=number, jobs_seasonal_index=number, years_averaged=integer
with monthly as (
  select extract(year from j.job_date)::int as job_year,
         extract(month from j.job_date)::int as month_number,
         sum(j.revenue) as revenue,
         count(*) as jobs
    from job j
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1, 2
),
relative as (
  select job_year, month_number, revenue,
         revenue / nullif(avg(revenue) over (partition by job_year), 0) as revenue_ratio,
         jobs / nullif(avg(jobs) over (partition by job_year), 0) as jobs_ratio
    from monthly
)
select month_number,
       to_char(make_date(2000, month_number, 1), 'Mon') as month_name,
       round(avg(revenue), 2) as avg_monthly_revenue,
       round(avg(revenue_ratio), 3) as revenue_seasonal_index,
       round(avg(jobs_ratio), 3) as jobs_seasonal_index,
       count(*) as years_averaged
  from relative
 group by month_number
 order by month_number
