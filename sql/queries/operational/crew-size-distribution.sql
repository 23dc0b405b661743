-- name: How many movers we send per job
-- description: Jobs by crew size (closed, booked and pending jobs with a crew recorded), with the share
--   of all jobs, the average hours of the closed ones and the most common move size at that crew size.
--   Set move_size (e.g. 3 Bedroom) to see which crew sizes dispatchers actually use for that size of
--   move: a spread over several crew sizes for one move size means crews are not standardised, and a
--   large 2-person share on big moves explains long hours.
-- category: Operational
-- tags: crews, crew size, dispatch, move size
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: move_size text = "" "Move size (blank for all, e.g. 3 Bedroom)"
-- chart: bar x=crew_size y=jobs
-- format: crew_size=integer, jobs=integer, share_of_jobs=percent, avg_hours_closed=number, avg_crew_hours_closed=number
select j.crew_size,
       count(*) as jobs,
       round(count(*)::numeric / sum(count(*)) over (), 4) as share_of_jobs,
       round(avg(j.hours) filter (where j.status = 'CLOSED'), 2) as avg_hours_closed,
       round(avg(j.crew_size * j.hours) filter (where j.status = 'CLOSED'), 1) as avg_crew_hours_closed,
       mode() within group (order by j.move_size) as most_common_move_size
  from job j
 where j.status in ('CLOSED', 'BOOKED', 'PENDING')
   and j.crew_size is not null
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch)
   and (:move_size::text = '' or j.move_size = :move_size)
 group by j.crew_size
 order by j.crew_size
