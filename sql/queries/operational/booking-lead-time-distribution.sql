-- name: Booking lead time: how far ahead customers book
-- description: Booked opportunities by the number of weeks between the booked date and the move date,
--   with each band's share and the cumulative share. Read cumulative_share at "1–2 weeks" to know how
--   much of the schedule is still unknown two weeks out — the part dispatch cannot plan crews for yet;
--   a long tail past 8 weeks is the forward book that makes early staffing decisions possible.
-- category: Operational
-- tags: lead time, booking, scheduling, planning horizon
-- param: period daterange = 2019-01-01..2025-12-31 "Booked dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: bar x=lead_time_band y=opportunities
-- format: opportunities=integer, share_of_opportunities=percent, cumulative_share=percent, median_lead_days=number
with banded as (
  select bo.move_date - bo.booked_at as lead_days,
         case when bo.move_date - bo.booked_at < 7 then 1 when bo.move_date - bo.booked_at < 14 then 2
              when bo.move_date - bo.booked_at < 21 then 3 when bo.move_date - bo.booked_at < 28 then 4
              when bo.move_date - bo.booked_at < 42 then 5 when bo.move_date - bo.booked_at < 56 then 6
              else 7 end as band
    from booked_opportunity bo
   where bo.booked_at is not null
     and bo.move_date is not null
     and bo.booked_at between :period_from::date and :period_to::date
     and (:branch::bigint is null or bo.branch_id = :branch)
     and (:lead_source::bigint is null or bo.lead_source_id = :lead_source)
)
select (array['under 1 week', '1–2 weeks', '2–3 weeks', '3–4 weeks', '4–6 weeks', '6–8 weeks', '8 weeks or more'])[band] as lead_time_band,
       count(*) as opportunities,
       round(count(*)::numeric / sum(count(*)) over (), 4) as share_of_opportunities,
       round(sum(count(*)) over (order by band) / sum(count(*)) over (), 4) as cumulative_share,
       round(percentile_cont(0.5) within group (order by lead_days)::numeric, 1) as median_lead_days
  from banded
 group by band
 order by band
