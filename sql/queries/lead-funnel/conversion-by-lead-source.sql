-- name: Lead-to-job conversion by lead source
-- description: For each lead source, leads received, leads that became a booked opportunity
--   (lead_status.booked_opportunity_id) and leads whose opportunity turned into a job
--   (job.booked_opportunity_id), with the conversion rate between each step. A source with a high
--   booking rate but a low booking_to_job_rate books customers who later cancel; one with a low
--   booking rate sends shoppers, not movers. Sources below min_leads are hidden.
-- category: Lead Funnel
-- tags: conversion, lead source, funnel, booking rate
-- param: period daterange = 2019-01-01..2025-12-31 "Lead received dates"
-- param: branch branch = all "Branch"
-- param: min_leads integer = 30 "Minimum leads per source"
-- chart: bar x=lead_source y=lead_to_booking_rate,lead_to_job_rate
-- format: leads=integer, booked_leads=integer, leads_with_job=integer, lead_to_booking_rate=percent, booking_to_job_rate=percent, lead_to_job_rate=percent
with opportunity_jobs as (
  select distinct j.booked_opportunity_id
    from job j
   where j.booked_opportunity_id is not null
), leads as (
  select l.lead_source_id, l.booked_opportunity_id,
         oj.booked_opportunity_id is not null as has_job
    from lead_status l
    left join opportunity_jobs oj on oj.booked_opportunity_id = l.booked_opportunity_id
   where l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
     and (:branch::bigint is null or l.branch_id = :branch)
)
select coalesce(s.name, '(no lead source)') as lead_source,
       count(*) as leads,
       count(x.booked_opportunity_id) as booked_leads,
       count(*) filter (where x.has_job) as leads_with_job,
       round(count(x.booked_opportunity_id)::numeric / count(*), 4) as lead_to_booking_rate,
       round((count(*) filter (where x.has_job))::numeric / nullif(count(x.booked_opportunity_id), 0), 4) as booking_to_job_rate,
       round((count(*) filter (where x.has_job))::numeric / count(*), 4) as lead_to_job_rate
  from leads x
  left join lead_source s on s.lead_source_id = x.lead_source_id
 group by x.lead_source_id, s.name
having count(*) >= :min_leads
 order by leads desc
