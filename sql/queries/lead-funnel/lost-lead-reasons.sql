-- name: Why quotes are lost
-- description: Lost leads (lost_lead) by the reason recorded, with each reason's share, how many carried
--   an estimate and the estimated value walking away. Price and competitor reasons are winnable (better
--   follow-up, price matching); "No Response" is a speed-to-lead issue; date changes and no longer
--   moving are outside sales' control. avg_estimate tells whether the big or the small moves are lost
--   for that reason.
-- category: Lead Funnel
-- tags: lost leads, reasons, lost revenue
-- param: period daterange = 2019-01-01..2025-12-31 "Lost dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: bar x=reason y=lost_leads
-- format: lost_leads=integer, share_of_lost=percent, with_estimate=integer, avg_estimate=currency, estimated_value_lost=currency
select coalesce(nullif(trim(ll.reason), ''), '(no reason)') as reason,
       count(*) as lost_leads,
       round(count(*)::numeric / sum(count(*)) over (), 4) as share_of_lost,
       count(ll.estimated_amount) as with_estimate,
       round(avg(ll.estimated_amount), 2) as avg_estimate,
       coalesce(sum(ll.estimated_amount), 0) as estimated_value_lost
  from lost_lead ll
 where ll.lost_at between :period_from::date and :period_to::date
   and (:branch::bigint is null or ll.branch_id = :branch)
   and (:lead_source::bigint is null or ll.lead_source_id = :lead_source)
 group by 1
 order by lost_leads desc
