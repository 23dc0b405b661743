-- name: Year-end revenue projection from year-to-date
-- description: Projects the full year's closed revenue from revenue earned so far. For each year it
--   shows the revenue earned up to the same day of the year as the as-of date, the full-year revenue
--   and the share of the year that date represents; for the as-of year the full year is projected as
--   year-to-date divided by the average share of the earlier years. Read the projected figure against
--   last year's full year for the expected growth; with the summer peak still ahead, an early as-of
--   date gives a wide margin of error.
-- category: Forecasting
-- tags: forecast, year to date, run rate, year end
-- param: as_of date = 2025-09-30 "Year-to-date through"
-- param: branch branch = all "Branch"
-- chart: bar x=job_year y=ytd_revenue,full_year_revenue,projected_full_year_revenue
-- format: ytd_revenue=currency, full_year_revenue=currency, ytd_share_of_year=percent, projected_full_year_revenue=currency, growth_on_prior_year=percent
with yearly as (
  select extract(year from j.job_date)::int as job_year,
         coalesce(sum(j.revenue) filter (
           where (extract(month from j.job_date), extract(day from j.job_date))
              <= (extract(month from :as_of::date), extract(day from :as_of::date))), 0) as ytd_revenue,
         coalesce(sum(j.revenue), 0) as full_year_revenue
    from job j
   where j.status = 'CLOSED'
     and j.job_date <= :as_of::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
),
shares as (
  select avg(ytd_revenue / nullif(full_year_revenue, 0)) as avg_share
    from yearly
   where job_year < extract(year from :as_of::date)
),
shown as (
  select y.job_year,
         y.ytd_revenue,
         case when y.job_year < extract(year from :as_of::date) then y.full_year_revenue end as full_year_revenue,
         case when y.job_year < extract(year from :as_of::date)
              then round(y.ytd_revenue / nullif(y.full_year_revenue, 0), 4) end as ytd_share_of_year,
         case when y.job_year = extract(year from :as_of::date)
              then round(y.ytd_revenue / nullif(s.avg_share, 0), 2) end as projected_full_year_revenue
    from yearly y
   cross join shares s
)
select job_year,
       ytd_revenue,
       full_year_revenue,
       ytd_share_of_year,
       projected_full_year_revenue,
       round(coalesce(full_year_revenue, projected_full_year_revenue)
             / nullif(lag(full_year_revenue) over (order by job_year), 0) - 1, 4) as growth_on_prior_year
  from shown
 order by job_year
