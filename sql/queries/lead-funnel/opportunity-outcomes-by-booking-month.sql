-- name: What happened to each month's bookings
-- description: Booked opportunities by the month they were booked, split by their current status:
--   completed, still open (Booked or Confirmed), cancelled and lost, with the completion and fall-out
--   rates. It is the bottom of the funnel after the "yes": a fall-out rate rising in a season means
--   customers booked several movers or dates slipped. Recent months still hold open bookings.
-- category: Lead Funnel
-- tags: opportunities, bookings, cancellations, completion, funnel
-- param: period daterange = 2019-01-01..2025-12-31 "Booked dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: line x=month y=completion_rate,fall_out_rate
-- format: month=date, opportunities=integer, completed=integer, still_open=integer, cancelled=integer, lost=integer, completion_rate=percent, fall_out_rate=percent
select date_trunc('month', bo.booked_at)::date as month,
       count(*) as opportunities,
       count(*) filter (where bo.status = 'COMPLETED') as completed,
       count(*) filter (where bo.status in ('BOOKED', 'CONFIRMED')) as still_open,
       count(*) filter (where bo.status = 'CANCELLED') as cancelled,
       count(*) filter (where bo.status = 'LOST') as lost,
       round(avg((bo.status = 'COMPLETED')::int), 4) as completion_rate,
       round(avg((bo.status in ('CANCELLED', 'LOST'))::int), 4) as fall_out_rate
  from booked_opportunity bo
 where bo.booked_at between :period_from::date and :period_to::date
   and (:branch::bigint is null or bo.branch_id = :branch)
   and (:lead_source::bigint is null or bo.lead_source_id = :lead_source)
 group by 1
 order by 1
