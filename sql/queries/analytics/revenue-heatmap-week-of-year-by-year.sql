-- name: Revenue heatmap: week of the year by year
-- description: Closed revenue and jobs for every ISO week of the year (1 to 53) in every year, in long
--   format (year, week, value) for a heatmap, with each week's share of its year's revenue. Read down
--   a week across years to see whether the peak arrives earlier or later than it used to and whether
--   it widens; holiday weeks and the 2020 spring slump stand out as cold cells.
-- category: Analytics
-- tags: heatmap, weekly, seasonality, revenue
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=iso_week y=closed_revenue
-- format: iso_year=integer, iso_week=integer, closed_jobs=integer, closed_revenue=currency, share_of_year=percent
with weekly as (
  select extract(isoyear from j.job_date)::int as iso_year,
         extract(week from j.job_date)::int as iso_week,
         count(*) as closed_jobs,
         coalesce(sum(j.revenue), 0) as closed_revenue
    from job j
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1, 2
)
select iso_year,
       iso_week,
       closed_jobs,
       closed_revenue,
       round(closed_revenue / nullif(sum(closed_revenue) over (partition by iso_year), 0), 4) as share_of_year
  from weekly
 order by iso_year, iso_week
