-- name: Jobs and revenue by distance band
-- description: Closed jobs grouped into distance bands (under 10 miles up to 1,000+ miles), with each
--   band's share of jobs and of revenue, its average ticket and average miles. Read the two shares
--   side by side to see how the business splits between neighbourhood moves and hauls: the bands over
--   450 miles are a small share of jobs but a large share of revenue. Jobs without a mileage (packing
--   days) form their own band.
-- category: Analytics
-- tags: segmentation, distance, revenue mix
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=distance_band y=job_share,revenue_share
-- format: closed_jobs=integer, job_share=percent, closed_revenue=currency, revenue_share=percent, avg_ticket=currency, avg_miles=number
with banded as (
  select j.revenue,
         j.distance_miles,
         case when j.distance_miles is null then 0
              when j.distance_miles < 10 then 1
              when j.distance_miles < 25 then 2
              when j.distance_miles < 50 then 3
              when j.distance_miles < 100 then 4
              when j.distance_miles < 450 then 5
              when j.distance_miles < 1000 then 6
              else 7 end as band_order
    from job j
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
)
select case band_order when 0 then 'no mileage' when 1 then '0-9 mi' when 2 then '10-24 mi'
                       when 3 then '25-49 mi' when 4 then '50-99 mi' when 5 then '100-449 mi'
                       when 6 then '450-999 mi' else '1000+ mi' end as distance_band,
       count(*) as closed_jobs,
       round(count(*)::numeric / sum(count(*)) over (), 4) as job_share,
       coalesce(sum(revenue), 0) as closed_revenue,
       round(coalesce(sum(revenue), 0) / nullif(sum(sum(revenue)) over (), 0), 4) as revenue_share,
       round(avg(revenue), 2) as avg_ticket,
       round(avg(distance_miles), 1) as avg_miles
  from banded
 group by band_order
 order by band_order
