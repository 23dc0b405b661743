-- name: Jobs and revenue by origin state
-- description: Where moves start, by state: jobs, share of jobs, closed revenue, average ticket,
--   average miles and the share of moves from that state that leave it. Read it to see the footprint
--   beyond the branch states: origins outside them are customers moving into our markets (inbound
--   long-distance moves), typically few jobs with high tickets.
-- category: Geographic
-- tags: origin, state, distribution
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=origin_state y=jobs
-- format: jobs=integer, job_share=percent, closed_revenue=currency, avg_ticket=currency, avg_miles=number, leaving_state_share=percent
select coalesce(nullif(trim(j.origin_state), ''), '(unknown)') as origin_state,
       count(*) as jobs,
       round(count(*)::numeric / sum(count(*)) over (), 4) as job_share,
       coalesce(sum(j.revenue) filter (where j.status = 'CLOSED'), 0) as closed_revenue,
       round(avg(j.revenue) filter (where j.status = 'CLOSED'), 2) as avg_ticket,
       round(avg(j.distance_miles), 1) as avg_miles,
       round(count(*) filter (where j.destination_state <> j.origin_state)::numeric / count(*), 4) as leaving_state_share
  from job j
 where j.status <> 'CANCELLED'
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch::bigint)
 group by 1
 order by jobs desc
