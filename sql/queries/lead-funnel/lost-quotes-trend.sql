-- name: Lost quotes over time, and the price-versus-competitor split
-- description: Lost quotes per quarter with their estimated value and the share lost on price and to a
--   competitor. A rising price share after a rate change is the market's verdict on the new price
--   list; a rising competitor share without a price move means a rival got faster or louder.
--   Quarters smooth the small monthly counts of individual reasons.
-- category: Lead Funnel
-- tags: lost leads, trend, price, competitors, quarterly
-- param: period daterange = 2019-01-01..2025-12-31 "Lost dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: line x=quarter_start y=price_share,competitor_share
-- format: quarter_start=date, lost_quotes=integer, estimated_value_lost=currency, price_share=percent, competitor_share=percent, no_response_share=percent
select date_trunc('quarter', ll.lost_at)::date as quarter_start,
       count(*) as lost_quotes,
       coalesce(sum(ll.estimated_amount), 0) as estimated_value_lost,
       round(avg((ll.reason = 'Price Too High')::int), 4) as price_share,
       round(avg((ll.reason in ('Went With Competitor', 'Booked Elsewhere'))::int), 4) as competitor_share,
       round(avg((ll.reason = 'No Response')::int), 4) as no_response_share
  from lost_lead ll
 where ll.lost_at between :period_from::date and :period_to::date
   and (:branch::bigint is null or ll.branch_id = :branch)
   and (:lead_source::bigint is null or ll.lead_source_id = :lead_source)
 group by 1
 order by 1
