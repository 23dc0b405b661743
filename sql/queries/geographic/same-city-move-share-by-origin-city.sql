-- name: How far customers move from each origin city
-- description: For each origin city with enough jobs, the share of moves that stay in the same city,
--   go to another city in the same state, or leave the state, with the average and median miles.
--   Read it to tell neighbourhood markets (mostly same-city moves, short and quick jobs) from feeder
--   cities whose customers move across the metro or away, which need longer crew days.
-- category: Geographic
-- tags: origin, cities, local moves, distance
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: min_jobs integer = 20 "Minimum jobs per city"
-- chart: bar x=origin_city y=same_city_share,same_state_share,out_of_state_share
-- format: jobs=integer, same_city_share=percent, same_state_share=percent, out_of_state_share=percent, avg_miles=number, median_miles=number
select coalesce(j.origin_city, '?') || ', ' || coalesce(j.origin_state, '?') as origin_city,
       count(*) as jobs,
       round(count(*) filter (where j.destination_city = j.origin_city and j.destination_state = j.origin_state)::numeric / count(*), 4) as same_city_share,
       round(count(*) filter (where j.destination_city <> j.origin_city and j.destination_state = j.origin_state)::numeric / count(*), 4) as same_state_share,
       round(count(*) filter (where j.destination_state <> j.origin_state)::numeric / count(*), 4) as out_of_state_share,
       round(avg(j.distance_miles), 1) as avg_miles,
       round(percentile_cont(0.5) within group (order by j.distance_miles)::numeric, 1) as median_miles
  from job j
 where j.status <> 'CANCELLED'
   and j.destination_city is not null
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch::bigint)
 group by 1
having count(*) >= :min_jobs::int
 order by jobs desc
