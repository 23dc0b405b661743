-- name: Branch revenue trends and 12-month-ahead run rate
-- description: Fits a straight line through each branch's monthly closed revenue over the fit
--   period and reports the slope (dollars of monthly revenue gained per month), the slope as a yearly
--   growth rate on the branch's average month, R-squared, and the trend's monthly revenue 12 months
--   after the fit period. Read the annual trend growth to see which branches are on the way up; a
--   low R-squared means the trend is weak against seasonal swings.
-- category: Forecasting
-- tags: trend, branch, linear regression, growth
-- param: fit_period daterange = 2022-01-01..2025-10-31 "Months to fit"
-- param: min_months integer = 12 "Minimum months with closed jobs"
-- chart: bar x=branch y=annual_trend_growth
-- format: months_fitted=integer, avg_monthly_revenue=currency, slope_per_month=currency, annual_trend_growth=percent, r_squared=number, trend_revenue_in_12_months=currency
with monthly as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         date_trunc('month', j.job_date)::date as month,
         sum(j.revenue) as revenue
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.status = 'CLOSED'
     and j.job_date between :fit_period_from::date and :fit_period_to::date
   group by 1, 2
),
indexed as (
  select branch, revenue,
         (extract(year from month) * 12 + extract(month from month))::int as month_index
    from monthly
),
fits as (
  select branch,
         count(*) as months_fitted,
         avg(revenue) as avg_monthly_revenue,
         regr_slope(revenue, month_index) as slope,
         regr_intercept(revenue, month_index) as intercept,
         regr_r2(revenue, month_index) as r2,
         max(month_index) as last_index
    from indexed
   group by branch
  having count(*) >= :min_months::int
)
select branch,
       months_fitted,
       round(avg_monthly_revenue, 2) as avg_monthly_revenue,
       round(slope::numeric, 2) as slope_per_month,
       round((slope * 12 / nullif(avg_monthly_revenue, 0))::numeric, 4) as annual_trend_growth,
       round(r2::numeric, 3) as r_squared,
       round((intercept + slope * (last_index + 12))::numeric, 2) as trend_revenue_in_12_months
  from fits
 order by annual_trend_growth desc nulls last
