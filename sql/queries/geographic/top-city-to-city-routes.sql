-- name: Top city-to-city routes
-- description: The most frequent routes (origin city and state to destination city and state) by
--   number of jobs, with closed revenue, average miles and average ticket, and each route's share of
--   all jobs. Read it to see where the crews actually drive: same-city moves in the big metros lead,
--   and the first routes between different cities show the busiest corridors worth a dedicated truck.
-- category: Geographic
-- tags: routes, cities, origin, destination
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: top_n integer = 25 "Routes shown"
-- chart: bar x=route y=jobs
-- format: jobs=integer, job_share=percent, closed_revenue=currency, avg_miles=number, avg_ticket=currency
with routes as (
  select coalesce(j.origin_city, '?') || ', ' || coalesce(j.origin_state, '?') || ' -> '
         || coalesce(j.destination_city, '?') || ', ' || coalesce(j.destination_state, '?') as route,
         count(*) as jobs,
         coalesce(sum(j.revenue) filter (where j.status = 'CLOSED'), 0) as closed_revenue,
         avg(j.distance_miles) as avg_miles,
         avg(j.revenue) filter (where j.status = 'CLOSED') as avg_ticket
    from job j
   where j.status <> 'CANCELLED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
)
select route,
       jobs,
       round(jobs::numeric / sum(jobs) over (), 4) as job_share,
       closed_revenue,
       round(avg_miles, 1) as avg_miles,
       round(avg_ticket, 2) as avg_ticket
  from routes
 order by jobs desc, route
 limit :top_n::int
