-- name: Core city and suburb flows per branch
-- description: For each branch, its core city (the city most of its moves start from) and the moves
--   within its home state between the core city and the other cities around it, counted by
--   direction (core to suburb, suburb to core), plus moves inside the core city and between two
--   other cities. Read the net flow as the direction of local migration, for example families leaving
--   the city for the suburbs; it tells where to advertise for the next move.
-- category: Geographic
-- tags: suburbs, migration, local moves, branch
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: min_jobs integer = 50 "Minimum jobs per branch"
-- chart: bar x=branch y=core_to_suburb_moves,suburb_to_core_moves
-- format: within_core_moves=integer, core_to_suburb_moves=integer, suburb_to_core_moves=integer, suburb_to_suburb_moves=integer, net_to_suburbs=integer
with moves as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         j.origin_city, j.origin_state, j.destination_city, j.destination_state
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.status <> 'CANCELLED'
     and j.origin_city is not null
     and j.destination_city is not null
     and j.job_date between :period_from::date and :period_to::date
),
cores as (
  select branch,
         mode() within group (order by origin_city || '|' || origin_state) as core_key,
         count(*) as jobs
    from moves
   group by branch
  having count(*) >= :min_jobs::int
),
classified as (
  select c.branch,
         split_part(c.core_key, '|', 1) as core_city,
         (m.origin_city || '|' || m.origin_state) = c.core_key as from_core,
         (m.destination_city || '|' || m.destination_state) = c.core_key as to_core
    from moves m
    join cores c using (branch)
   where m.origin_state = split_part(c.core_key, '|', 2)
     and m.destination_state = m.origin_state
)
select branch,
       min(core_city) as core_city,
       count(*) filter (where from_core and to_core) as within_core_moves,
       count(*) filter (where from_core and not to_core) as core_to_suburb_moves,
       count(*) filter (where not from_core and to_core) as suburb_to_core_moves,
       count(*) filter (where not from_core and not to_core) as suburb_to_suburb_moves,
       count(*) filter (where from_core and not to_core) - count(*) filter (where not from_core and to_core) as net_to_suburbs
  from classified
 group by branch
 order by branch
