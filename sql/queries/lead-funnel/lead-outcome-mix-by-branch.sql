-- name: Where each branch's leads end up
-- description: The current status mix of the leads each branch received: still open (New or
--   Contacted), quoted and undecided, booked, lost and bad, as shares of the branch's leads. Compare
--   branches on the same scale: a large open share means leads are not being worked, a large lost share
--   with a normal quoted share means quotes go out but do not win (price or speed), a large bad share
--   is a marketing-targeting problem rather than a sales one. moved_share is the end of the funnel: leads
--   whose booked opportunity (lead_status.booked_opportunity_id) has a job (job.booked_opportunity_id).
-- category: Lead Funnel
-- tags: conversion, branch, lead status, funnel
-- param: period daterange = 2019-01-01..2025-12-31 "Lead received dates"
-- param: lead_source lead_source = all "Lead source"
-- param: min_leads integer = 50 "Minimum leads per branch"
-- chart: bar x=branch y=open_share,quoted_share,booked_share,lost_share,bad_share
-- format: leads=integer, open_share=percent, quoted_share=percent, booked_share=percent, lost_share=percent, bad_share=percent, moved_share=percent
select coalesce(b.name, '(no branch)') as branch,
       count(*) as leads,
       round(avg((l.status in ('NEW', 'CONTACTED'))::int), 4) as open_share,
       round(avg((l.status = 'QUOTED')::int), 4) as quoted_share,
       round(avg((l.status = 'BOOKED')::int), 4) as booked_share,
       round(avg((l.status = 'LOST')::int), 4) as lost_share,
       round(avg((l.status = 'BAD')::int), 4) as bad_share,
       round(avg((oj.booked_opportunity_id is not null)::int), 4) as moved_share
  from lead_status l
  left join branch b on b.branch_id = l.branch_id
  left join (select distinct j.booked_opportunity_id from job j where j.booked_opportunity_id is not null) as oj
         on oj.booked_opportunity_id = l.booked_opportunity_id
 where l.received_at >= :period_from::date
   and l.received_at < :period_to::date + 1
   and (:lead_source::bigint is null or l.lead_source_id = :lead_source)
 group by l.branch_id, b.name
having count(*) >= :min_leads
 order by leads desc
