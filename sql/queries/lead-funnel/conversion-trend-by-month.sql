-- name: Conversion trend by month of lead
-- description: Leads received each month and the share that was booked (linked to a booked
--   opportunity) and that moved (the opportunity has a job), by the month the lead came in. Watch for
--   months where volume rises but the booking rate falls — the team could not keep up in peak season.
--   The last two or three months before the export are still maturing and read low.
-- category: Lead Funnel
-- tags: conversion, trend, monthly, funnel
-- param: period daterange = 2019-01-01..2025-12-31 "Lead received dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: line x=month y=booking_rate,job_rate
-- format: month=date, leads=integer, booked_leads=integer, leads_with_job=integer, booking_rate=percent, job_rate=percent
with opportunity_jobs as (
  select distinct j.booked_opportunity_id
    from job j
   where j.booked_opportunity_id is not null
), leads as (
  select date_trunc('month', l.received_at)::date as month,
         l.booked_opportunity_id,
         oj.booked_opportunity_id is not null as has_job
    from lead_status l
    left join opportunity_jobs oj on oj.booked_opportunity_id = l.booked_opportunity_id
   where l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
     and (:branch::bigint is null or l.branch_id = :branch)
     and (:lead_source::bigint is null or l.lead_source_id = :lead_source)
)
select month,
       count(*) as leads,
       count(booked_opportunity_id) as booked_leads,
       count(*) filter (where has_job) as leads_with_job,
       round(count(booked_opportunity_id)::numeric / count(*), 4) as booking_rate,
       round((count(*) filter (where has_job))::numeric / count(*), 4) as job_rate
  from leads
 group by month
 order by month
