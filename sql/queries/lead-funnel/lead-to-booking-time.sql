-- name: Time from first inquiry to booking
-- description: For leads that were booked, the days between the lead arriving (received_at) and the
--   opportunity's booked date, in bands, with each band's share and the cumulative share. Most moves are
--   won in the first days; if the cumulative share at "1–2 weeks" is low, quotes sit too long before
--   follow-up. median_estimate shows whether bigger moves take longer to decide.
-- category: Lead Funnel
-- tags: time to book, speed, sales cycle, conversion
-- param: period daterange = 2019-01-01..2025-12-31 "Lead received dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: bar x=days_to_book_band y=booked_leads
-- format: booked_leads=integer, share_of_booked=percent, cumulative_share=percent, median_estimate=currency
with timed as (
  select bo.booked_at - l.received_at::date as days_to_book, bo.estimated_amount
    from lead_status l
    join booked_opportunity bo on bo.booked_opportunity_id = l.booked_opportunity_id
   where bo.booked_at is not null
     and l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
     and (:branch::bigint is null or l.branch_id = :branch)
     and (:lead_source::bigint is null or l.lead_source_id = :lead_source)
), banded as (
  select t.*,
         case when days_to_book <= 0 then 1 when days_to_book <= 2 then 2 when days_to_book <= 6 then 3
              when days_to_book <= 13 then 4 when days_to_book <= 20 then 5 else 6 end as band
    from timed t
)
select (array['same day', '1–2 days', '3–6 days', '1–2 weeks', '2–3 weeks', '3 weeks or more'])[band] as days_to_book_band,
       count(*) as booked_leads,
       round(count(*)::numeric / sum(count(*)) over (), 4) as share_of_booked,
       round(sum(count(*)) over (order by band) / sum(count(*)) over (), 4) as cumulative_share,
       round(percentile_cont(0.5) within group (order by estimated_amount)::numeric, 2) as median_estimate
  from banded
 group by band
 order by band
