-- name: Cost and revenue per mile by distance band
-- description: Closed moves with a mileage, grouped by distance band, with revenue, truck cost and total
--   cost per mile and the gross margin percentage. Per-mile figures fall as distance grows (loading
--   time is spread over more miles); a band where cost per mile stays high or margin dips is where the
--   mileage rate in the tariff is too low. Truck cost per mile is the fuel-and-fleet part alone.
-- category: Profitability
-- tags: cost per mile, distance, long distance, truck cost, pricing
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=distance_band y=revenue_per_mile,cost_per_mile
-- format: closed_jobs=integer, avg_miles=number, revenue_per_mile=currency, truck_cost_per_mile=currency, cost_per_mile=currency, gross_margin_pct=percent
with banded as (
  select j.*,
         coalesce(j.labor_cost, 0) + coalesce(j.truck_cost, 0) + coalesce(j.materials_cost, 0) + coalesce(j.other_cost, 0) as total_cost,
         case when j.distance_miles < 10 then 1 when j.distance_miles < 25 then 2 when j.distance_miles < 50 then 3
              when j.distance_miles < 100 then 4 when j.distance_miles < 250 then 5 when j.distance_miles < 500 then 6
              when j.distance_miles < 1000 then 7 else 8 end as band
    from job j
   where j.status = 'CLOSED'
     and j.revenue is not null
     and j.distance_miles > 0
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
)
select (array['under 10 mi', '10–25 mi', '25–50 mi', '50–100 mi', '100–250 mi', '250–500 mi', '500–1,000 mi', '1,000 mi or more'])[band] as distance_band,
       count(*) as closed_jobs,
       round(avg(distance_miles), 1) as avg_miles,
       round(sum(revenue) / sum(distance_miles), 2) as revenue_per_mile,
       round(sum(coalesce(truck_cost, 0)) / sum(distance_miles), 2) as truck_cost_per_mile,
       round(sum(total_cost) / sum(distance_miles), 2) as cost_per_mile,
       round(sum(revenue - total_cost) / nullif(sum(revenue), 0), 4) as gross_margin_pct
  from banded
 group by band
 order by band
