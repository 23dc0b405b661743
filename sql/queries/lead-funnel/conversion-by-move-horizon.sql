-- name: Booking rate by how far away the move is
-- description: Genuine leads (not bad) grouped by the gap between the day the lead came in and the move
--   date the customer gave, with the share that was booked and the share lost. Answers "do early
--   planners or last-minute movers convert better?": a low booking rate for moves under a week away
--   usually means no crew was free, while far-off moves are shoppers collecting quotes who need
--   nurturing. Leads without a move date form their own row.
-- category: Lead Funnel
-- tags: conversion, move date, planning horizon, lead quality
-- param: period daterange = 2019-01-01..2025-12-31 "Lead received dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: bar x=move_horizon y=booking_rate,lost_rate
-- format: leads=integer, booked_leads=integer, booking_rate=percent, lost_rate=percent
with banded as (
  select l.status, l.booked_opportunity_id,
         case when l.move_date is null then 7
              when l.move_date - l.received_at::date < 7 then 1 when l.move_date - l.received_at::date < 14 then 2
              when l.move_date - l.received_at::date < 28 then 3 when l.move_date - l.received_at::date < 42 then 4
              when l.move_date - l.received_at::date < 63 then 5 else 6 end as band
    from lead_status l
   where l.status <> 'BAD'
     and l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
     and (:branch::bigint is null or l.branch_id = :branch)
     and (:lead_source::bigint is null or l.lead_source_id = :lead_source)
)
select (array['under 1 week', '1–2 weeks', '2–4 weeks', '4–6 weeks', '6–9 weeks', '9 weeks or more', 'no move date'])[band] as move_horizon,
       count(*) as leads,
       count(booked_opportunity_id) as booked_leads,
       round(count(booked_opportunity_id)::numeric / count(*), 4) as booking_rate,
       round(avg((status = 'LOST')::int), 4) as lost_rate
  from banded
 group by band
 order by band
