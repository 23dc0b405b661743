-- name: Branch service-area footprint
-- description: How spread out each branch's work is: distinct origin and destination cities served,
--   the share of its jobs starting in its single busiest city and in its five busiest cities, and the
--   average miles. Read the top-five share: near 100 % means a compact market one crew base can
--   cover; a low share means a wide area with long drives to the job, where a satellite yard may pay.
-- category: Geographic
-- tags: branch, service area, cities, footprint
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: min_jobs integer = 50 "Minimum jobs per branch"
-- chart: bar x=branch y=origin_cities,destination_cities
-- format: jobs=integer, origin_cities=integer, destination_cities=integer, top_city_share=percent, top_five_cities_share=percent, avg_miles=number
with jobs as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         coalesce(j.origin_city, '?') || ', ' || coalesce(j.origin_state, '?') as origin_city,
         j.destination_city || ', ' || j.destination_state as destination_city,
         j.distance_miles
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.status <> 'CANCELLED'
     and j.job_date between :period_from::date and :period_to::date
),
city_counts as (
  select branch, origin_city, count(*) as city_jobs,
         row_number() over (partition by branch order by count(*) desc, origin_city) as city_rank
    from jobs
   group by branch, origin_city
),
per_branch as (
  select branch,
         count(*) as jobs,
         count(distinct origin_city) as origin_cities,
         count(distinct destination_city) as destination_cities,
         avg(distance_miles) as avg_miles
    from jobs
   group by branch
  having count(*) >= :min_jobs::int
)
select p.branch,
       p.jobs,
       p.origin_cities,
       p.destination_cities,
       round(sum(c.city_jobs) filter (where c.city_rank = 1)::numeric / p.jobs, 4) as top_city_share,
       round(sum(c.city_jobs) filter (where c.city_rank <= 5)::numeric / p.jobs, 4) as top_five_cities_share,
       round(p.avg_miles, 1) as avg_miles
  from per_branch p
  join city_counts c using (branch)
 group by p.branch, p.jobs, p.origin_cities, p.destination_cities, p.avg_miles
 order by p.jobs desc
