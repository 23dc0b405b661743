-- name: Conversion and deal size by move size
-- description: Genuine leads (not bad) by the move size the customer asked about: how many were booked
--   and lost, and the median estimate of the booked ones against the lost ones. If lost quotes carry a
--   much higher estimate than booked ones for the same size, the team loses on price at the top end;
--   a low booking rate on small moves may be deliberate (minimum charge) rather than a problem.
-- category: Lead Funnel
-- tags: conversion, move size, deal size, estimate
-- param: period daterange = 2019-01-01..2025-12-31 "Lead received dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: bar x=move_size y=booking_rate,lost_rate
-- format: leads=integer, booked_leads=integer, lost_leads=integer, booking_rate=percent, lost_rate=percent, median_booked_estimate=currency, median_lost_estimate=currency
select coalesce(l.move_size, '(unknown)') as move_size,
       count(*) as leads,
       count(l.booked_opportunity_id) as booked_leads,
       count(*) filter (where l.status = 'LOST') as lost_leads,
       round(count(l.booked_opportunity_id)::numeric / count(*), 4) as booking_rate,
       round(avg((l.status = 'LOST')::int), 4) as lost_rate,
       round((percentile_cont(0.5) within group (order by l.estimated_amount) filter (where l.booked_opportunity_id is not null))::numeric, 2) as median_booked_estimate,
       round((percentile_cont(0.5) within group (order by l.estimated_amount) filter (where l.status = 'LOST'))::numeric, 2) as median_lost_estimate
  from lead_status l
 where l.status <> 'BAD'
   and l.received_at >= :period_from::date
   and l.received_at < :period_to::date + 1
   and (:branch::bigint is null or l.branch_id = :branch)
   and (:lead_source::bigint is null or l.lead_source_id = :lead_source)
 group by l.move_size
 order by coalesce(array_position(array['Studio', '1 Bedroom', '2 Bedroom', '3 Bedroom', '4 Bedroom', '5+ Bedroom', 'Office', 'Storage Unit'], l.move_size), 99), l.move_size
