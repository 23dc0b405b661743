-- name: Intrastate versus interstate moves by year
-- description: Each year's moves split into those staying in the same state and those crossing a
--   state line, with the interstate share of jobs and of closed revenue and the average miles of each
--   kind. Read the two shares together: interstate moves are a small share of jobs but a much larger
--   share of revenue, so a shift of a few points in the job mix moves revenue noticeably.
-- category: Geographic
-- tags: intrastate, interstate, yearly, mix
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: line x=job_year y=interstate_job_share,interstate_revenue_share
-- format: intrastate_jobs=integer, interstate_jobs=integer, interstate_job_share=percent, interstate_revenue_share=percent, avg_intrastate_miles=number, avg_interstate_miles=number
with classified as (
  select extract(year from j.job_date)::int as job_year,
         j.origin_state <> j.destination_state as interstate,
         j.distance_miles,
         case when j.status = 'CLOSED' then j.revenue end as revenue
    from job j
   where j.status <> 'CANCELLED'
     and j.origin_state is not null
     and j.destination_state is not null
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
)
select job_year,
       count(*) filter (where not interstate) as intrastate_jobs,
       count(*) filter (where interstate) as interstate_jobs,
       round(count(*) filter (where interstate)::numeric / count(*), 4) as interstate_job_share,
       round(coalesce(sum(revenue) filter (where interstate), 0) / nullif(sum(revenue), 0), 4) as interstate_revenue_share,
       round(avg(distance_miles) filter (where not interstate), 1) as avg_intrastate_miles,
       round(avg(distance_miles) filter (where interstate), 1) as avg_interstate_miles
  from classified
 group by job_year
 order by job_year
