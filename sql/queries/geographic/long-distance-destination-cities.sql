-- name: Destination cities of long-distance moves
-- description: Where long-distance moves (more miles than the threshold) end, by destination city
--   and state, with jobs, share of all long-distance jobs, average miles, average ticket and how many branches
--   send moves there. Read it to plan partner agents and return loads: a city fed by several
--   branches is a natural hub for consolidating shipments.
-- category: Geographic
-- tags: long distance, destination, cities, return loads
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: long_distance_miles integer = 450 "Miles above which a move is long distance"
-- param: top_n integer = 25 "Cities shown"
-- chart: bar x=destination y=long_distance_jobs
-- format: long_distance_jobs=integer, job_share=percent, avg_miles=number, avg_ticket=currency, sending_branches=integer
with far as (
  select coalesce(j.destination_city, '?') || ', ' || coalesce(j.destination_state, '?') as destination,
         j.distance_miles,
         case when j.status = 'CLOSED' then j.revenue end as revenue,
         coalesce(j.branch_id::text, j.raw_branch) as branch_key
    from job j
   where j.status <> 'CANCELLED'
     and j.distance_miles > :long_distance_miles::int
     and j.job_date between :period_from::date and :period_to::date
),
per_city as (
  select destination,
         count(*) as long_distance_jobs,
         round(count(*)::numeric / sum(count(*)) over (), 4) as job_share,
         round(avg(distance_miles), 1) as avg_miles,
         round(avg(revenue), 2) as avg_ticket,
         count(distinct branch_key) as sending_branches
    from far
   group by destination
)
select destination, long_distance_jobs, job_share, avg_miles, avg_ticket, sending_branches
  from per_city
 order by long_distance_jobs desc, destination
 limit :top_n::int
