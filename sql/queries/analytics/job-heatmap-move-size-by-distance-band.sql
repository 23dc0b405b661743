-- name: Job heatmap: move size by distance band
-- description: Closed jobs and average ticket for each combination of move size and distance band,
--   in long format (two category columns and the values) for a heatmap. Read it to see which home
--   sizes travel far: the long-distance cells for 3-4 bedroom homes carry the highest tickets, while
--   studios cluster in the short bands. Jobs without a mileage are left out.
-- category: Analytics
-- tags: heatmap, move size, distance, segmentation
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=move_size y=closed_jobs
-- format: band_order=integer, closed_jobs=integer, avg_ticket=currency, closed_revenue=currency
with banded as (
  select coalesce(nullif(trim(j.move_size), ''), '(unknown)') as move_size,
         j.revenue,
         case when j.distance_miles < 25 then 1
              when j.distance_miles < 100 then 2
              when j.distance_miles < 450 then 3
              else 4 end as band_order
    from job j
   where j.status = 'CLOSED'
     and j.distance_miles is not null
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
)
select move_size,
       band_order,
       case band_order when 1 then 'under 25 mi' when 2 then '25-99 mi' when 3 then '100-449 mi' else '450+ mi' end as distance_band,
       count(*) as closed_jobs,
       round(avg(revenue), 2) as avg_ticket,
       coalesce(sum(revenue), 0) as closed_revenue
  from banded
 group by move_size, band_order
 order by move_size, band_order
