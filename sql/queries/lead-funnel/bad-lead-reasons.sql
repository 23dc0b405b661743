-- name: Bad lead reasons, and how the mix is shifting
-- description: Leads rejected as bad (bad_lead) by reason over the whole period, and the share of each
--   reason in the last 12 months of the period next to its share before (share_change, in fraction
--   points). Duplicate leads are a CRM/form problem, spam and test leads a website problem, out of area
--   and too-small moves a targeting problem — a growing share tells which team to talk to.
-- category: Lead Funnel
-- tags: bad leads, reasons, spam, duplicates, lead quality
-- param: period daterange = 2019-01-01..2025-12-31 "Received dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: bar x=reason y=share_before_last_12_months,share_last_12_months
-- format: bad_leads=integer, share_of_bad_leads=percent, bad_leads_last_12_months=integer, share_before_last_12_months=percent, share_last_12_months=percent, share_change=percent
with bad as (
  select coalesce(nullif(trim(bl.reason), ''), '(no reason)') as reason,
         bl.received_at >= ((select max(b2.received_at) from bad_lead b2
                              where b2.received_at >= :period_from::date and b2.received_at < :period_to::date + 1) - interval '12 months') as recent
    from bad_lead bl
   where bl.received_at >= :period_from::date
     and bl.received_at < :period_to::date + 1
     and (:branch::bigint is null or bl.branch_id = :branch)
     and (:lead_source::bigint is null or bl.lead_source_id = :lead_source)
), shares as (
  select reason,
         count(*) as bad_leads,
         count(*) filter (where recent) as recent_n,
         count(*) filter (where not recent) as earlier_n
    from bad
   group by reason
)
select reason,
       bad_leads,
       round(bad_leads::numeric / sum(bad_leads) over (), 4) as share_of_bad_leads,
       recent_n as bad_leads_last_12_months,
       round(earlier_n::numeric / nullif(sum(earlier_n) over (), 0), 4) as share_before_last_12_months,
       round(recent_n::numeric / nullif(sum(recent_n) over (), 0), 4) as share_last_12_months,
       round(recent_n::numeric / nullif(sum(recent_n) over (), 0) - earlier_n::numeric / nullif(sum(earlier_n) over (), 0), 4) as share_change
  from shares
 order by bad_leads desc
