-- name: Average ticket trend and price projection
-- description: The average closed-job ticket per year with a straight-line trend fitted over the
--   chosen years (regr_slope per year) and extended for the following years, plus the yearly change.
--   Read the slope as the average price increase per year; the projected tickets are what the budget
--   should assume if prices keep rising at the same pace.
-- category: Forecasting
-- tags: average ticket, pricing, inflation, trend, projection
-- param: fit_period daterange = 2019-01-01..2025-10-31 "Job dates to fit"
-- param: years_ahead integer = 2 "Years to project"
-- param: branch branch = all "Branch"
-- chart: line x=job_year y=avg_ticket,trend_ticket
-- format: closed_jobs=integer, avg_ticket=currency, ticket_change=percent, trend_ticket=currency, slope_per_year=currency
with yearly as (
  select extract(year from j.job_date)::int as job_year,
         count(*) as closed_jobs,
         avg(j.revenue) as avg_ticket
    from job j
   where j.status = 'CLOSED'
     and j.revenue is not null
     and j.job_date between :fit_period_from::date and :fit_period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
),
fit as (
  select regr_slope(avg_ticket, job_year) as slope,
         regr_intercept(avg_ticket, job_year) as intercept,
         max(job_year) as last_year
    from yearly
),
timeline as (
  select job_year, closed_jobs, avg_ticket from yearly
  union all
  select f.last_year + g, null, null
    from fit f
   cross join generate_series(1, :years_ahead::int) as g
)
select t.job_year,
       t.closed_jobs,
       round(t.avg_ticket, 2) as avg_ticket,
       round(t.avg_ticket / nullif(lag(t.avg_ticket) over (order by t.job_year), 0) - 1, 4) as ticket_change,
       round((f.intercept + f.slope * t.job_year)::numeric, 2) as trend_ticket,
       round(f.slope::numeric, 2) as slope_per_year
  from timeline t
 cross join fit f
 order by t.job_year
