-- name: Revenue per mile by route
-- description: For every city-to-city route with enough closed jobs and at least the chosen average
--   length, with jobs, average miles, average ticket and revenue per mile (total revenue over total miles),
--   ranked by revenue per mile. Read it for pricing by lane. Revenue per mile falls with distance, so
--   compare routes of similar length; a route with a low figure next to peers of the same length is
--   underpriced. Set the minimum average miles to 0 to include same-city moves, which earn the most
--   per mile.
-- category: Geographic
-- tags: routes, revenue per mile, pricing, distance
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: min_jobs integer = 3 "Minimum closed jobs per route"
-- param: min_avg_miles integer = 50 "Minimum average miles of a route"
-- chart: bar x=route y=revenue_per_mile
-- format: closed_jobs=integer, avg_miles=number, avg_ticket=currency, revenue_per_mile=currency, per_mile_rank=integer
with routes as (
  select j.origin_city || ', ' || j.origin_state || ' -> ' || j.destination_city || ', ' || j.destination_state as route,
         count(*) as closed_jobs,
         avg(j.distance_miles) as avg_miles,
         avg(j.revenue) as avg_ticket,
         sum(j.revenue) / nullif(sum(j.distance_miles), 0) as revenue_per_mile
    from job j
   where j.status = 'CLOSED'
     and j.distance_miles > 0
     and j.revenue is not null
     and j.origin_city is not null
     and j.destination_city is not null
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
  having count(*) >= :min_jobs::int
     and avg(j.distance_miles) >= :min_avg_miles::int
)
select route,
       closed_jobs,
       round(avg_miles, 1) as avg_miles,
       round(avg_ticket, 2) as avg_ticket,
       round(revenue_per_mile, 2) as revenue_per_mile,
       rank() over (order by revenue_per_mile desc) as per_mile_rank
  from routes
 order by per_mile_rank, route
