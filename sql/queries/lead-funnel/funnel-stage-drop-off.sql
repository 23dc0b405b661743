-- name: Lead funnel: drop-off at each stage
-- description: The whole funnel for leads received in the period, one row per stage: received, genuine
--   (not marked bad), quoted (status Quoted, Booked or Lost — a quote went out), booked (linked to a
--   booked opportunity through lead_status.booked_opportunity_id), moved (the opportunity has a job)
--   and closed (a closed job). conversion_from_previous shows where the funnel leaks most;
--   share_of_received is the cumulative yield. Recent leads have not had time to move yet, so end the
--   period a few months before the export for a fair picture.
-- category: Lead Funnel
-- tags: funnel, conversion, drop-off, stages
-- param: period daterange = 2019-01-01..2025-12-31 "Lead received dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: bar x=stage y=leads
-- format: stage_number=integer, leads=integer, share_of_received=percent, conversion_from_previous=percent, dropped_from_previous=integer
with opportunity_jobs as (
  select j.booked_opportunity_id, bool_or(j.status = 'CLOSED') as has_closed_job
    from job j
   where j.booked_opportunity_id is not null
   group by 1
), leads as (
  select l.status, l.booked_opportunity_id,
         oj.booked_opportunity_id is not null as has_job,
         coalesce(oj.has_closed_job, false) as has_closed_job
    from lead_status l
    left join opportunity_jobs oj on oj.booked_opportunity_id = l.booked_opportunity_id
   where l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
     and (:branch::bigint is null or l.branch_id = :branch)
     and (:lead_source::bigint is null or l.lead_source_id = :lead_source)
), totals as (
  select count(*) as received,
         count(*) filter (where status <> 'BAD') as genuine,
         count(*) filter (where status in ('QUOTED', 'BOOKED', 'LOST') or booked_opportunity_id is not null) as quoted,
         count(booked_opportunity_id) as booked,
         count(*) filter (where has_job) as moved,
         count(*) filter (where has_closed_job) as closed
    from leads
), stages as (
  select v.stage_number, v.stage, v.leads
    from totals t
   cross join lateral (values (1, '1 Received', t.received), (2, '2 Genuine (not bad)', t.genuine),
                              (3, '3 Quoted', t.quoted), (4, '4 Booked', t.booked),
                              (5, '5 Job scheduled', t.moved), (6, '6 Job closed', t.closed)) as v(stage_number, stage, leads)
)
select stage_number,
       stage,
       leads,
       round(leads::numeric / nullif(first_value(leads) over (order by stage_number), 0), 4) as share_of_received,
       round(leads::numeric / nullif(lag(leads) over (order by stage_number), 0), 4) as conversion_from_previous,
       lag(leads) over (order by stage_number) - leads as dropped_from_previous
  from stages
 order by stage_number
