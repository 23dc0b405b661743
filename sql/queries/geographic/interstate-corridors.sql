-- name: Interstate corridors by state pair
-- description: Moves that cross a state line, grouped by origin state and destination state: jobs,
--   closed revenue, average miles, average ticket and revenue per mile. Read the top corridors as the
--   lanes that justify scheduled long-haul capacity; a corridor that is busy in both directions (for
--   example TX to CO and CO to TX) can fill return trips.
-- category: Geographic
-- tags: interstate, corridors, state, long distance
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: top_n integer = 25 "Corridors shown"
-- chart: bar x=corridor y=jobs
-- format: jobs=integer, closed_revenue=currency, avg_miles=number, avg_ticket=currency, revenue_per_mile=currency, reverse_direction_jobs=integer
with pairs as (
  select j.origin_state, j.destination_state,
         count(*) as jobs,
         coalesce(sum(j.revenue) filter (where j.status = 'CLOSED'), 0) as closed_revenue,
         avg(j.distance_miles) as avg_miles,
         avg(j.revenue) filter (where j.status = 'CLOSED') as avg_ticket,
         sum(j.revenue) filter (where j.status = 'CLOSED' and j.distance_miles > 0)
           / nullif(sum(j.distance_miles) filter (where j.status = 'CLOSED' and j.distance_miles > 0 and j.revenue is not null), 0) as revenue_per_mile
    from job j
   where j.status <> 'CANCELLED'
     and j.origin_state <> j.destination_state
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1, 2
)
select p.origin_state || ' -> ' || p.destination_state as corridor,
       p.jobs,
       p.closed_revenue,
       round(p.avg_miles, 1) as avg_miles,
       round(p.avg_ticket, 2) as avg_ticket,
       round(p.revenue_per_mile, 2) as revenue_per_mile,
       coalesce(r.jobs, 0) as reverse_direction_jobs
  from pairs p
  left join pairs r on r.origin_state = p.destination_state and r.destination_state = p.origin_state
 order by p.jobs desc, corridor
 limit :top_n::int
