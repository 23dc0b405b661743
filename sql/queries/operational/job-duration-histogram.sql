-- name: Job duration histogram (hours on site)
-- description: Closed jobs grouped into duration bands of billed hours, with each band's share and the
--   running (cumulative) share. Read cumulative_share to answer "what share of jobs finish within a
--   normal 8-hour day?"; the 12 h+ bands are multi-day or long-distance work that ties a crew up.
--   Narrow it to one service type (e.g. Local Move) to set standard booking slots.
-- category: Operational
-- tags: hours, duration, distribution, scheduling
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: service_type text = "" "Service type (blank for all, e.g. Local Move)"
-- chart: bar x=duration_band y=closed_jobs
-- format: closed_jobs=integer, share_of_jobs=percent, cumulative_share=percent, avg_crew_size=number
with banded as (
  select j.*,
         case when j.hours < 2 then 1 when j.hours < 4 then 2 when j.hours < 6 then 3 when j.hours < 8 then 4
              when j.hours < 10 then 5 when j.hours < 12 then 6 when j.hours < 24 then 7 else 8 end as band
    from job j
   where j.status = 'CLOSED'
     and j.hours is not null
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
     and (:service_type::text = '' or j.service_type = :service_type)
)
select (array['under 2 h', '2–4 h', '4–6 h', '6–8 h', '8–10 h', '10–12 h', '12–24 h', '24 h or more'])[band] as duration_band,
       count(*) as closed_jobs,
       round(count(*)::numeric / sum(count(*)) over (), 4) as share_of_jobs,
       round(sum(count(*)) over (order by band) / sum(count(*)) over (), 4) as cumulative_share,
       round(avg(crew_size), 2) as avg_crew_size
  from banded
 group by band
 order by band
