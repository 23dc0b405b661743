-- name: Crew size and hours by move size
-- description: How big a crew and how many hours each move size takes on closed jobs. avg_crew_hours
--   (crew size × hours, per job) is the labour a job of that size consumes and the figure to quote and
--   schedule from; compare median_hours with avg_hours — an average well above the median means a few
--   very long jobs (long-distance legs, difficult access) pull it up. Filter on a service type to see
--   local moves without long-distance days.
-- category: Operational
-- tags: crews, hours, move size, labour, scheduling
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: service_type text = "" "Service type (blank for all, e.g. Local Move)"
-- chart: bar x=move_size y=avg_crew_size,median_hours,avg_crew_hours
-- format: closed_jobs=integer, avg_crew_size=number, median_hours=number, avg_hours=number, avg_crew_hours=number, total_crew_hours=number, share_of_crew_hours=percent
select coalesce(j.move_size, '(unknown)') as move_size,
       count(*) as closed_jobs,
       round(avg(j.crew_size), 2) as avg_crew_size,
       round(percentile_cont(0.5) within group (order by j.hours)::numeric, 2) as median_hours,
       round(avg(j.hours), 2) as avg_hours,
       round(avg(j.crew_size * j.hours), 1) as avg_crew_hours,
       round(sum(j.crew_size * j.hours), 0) as total_crew_hours,
       round(sum(j.crew_size * j.hours) / nullif(sum(sum(j.crew_size * j.hours)) over (), 0), 4) as share_of_crew_hours
  from job j
 where j.status = 'CLOSED'
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch)
   and (:service_type::text = '' or j.service_type = :service_type)
 group by j.move_size
 order by coalesce(array_position(array['Studio', '1 Bedroom', '2 Bedroom', '3 Bedroom', '4 Bedroom', '5+ Bedroom', 'Office', 'Storage Unit'], j.move_size), 99), j.move_size
