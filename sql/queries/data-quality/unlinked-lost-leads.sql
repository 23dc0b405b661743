-- name: Lost leads linked to nothing
-- description: Lost-lead rows by the year lost, split by what they are linked to: a lead (lead_id, set
--   by quote linkage when one lead holds the quote), a booked opportunity (set by quote linkage when the
--   quote was booked and then lost), or nothing. For the unlinked rows it checks whether the quote number
--   exists in the lead pool (a link quote linkage makes, unless it has not run or several leads hold the
--   quote) or nowhere at all — a quote number that no lead and no opportunity has is an orphan, usually a
--   lead deleted in the CRM after the quote was lost.
-- category: Data Quality
-- tags: orphans, lost leads, linkage, quote numbers
-- param: period daterange = 2019-01-01..2025-12-31 "Lost dates"
-- chart: bar x=lost_year y=linked_rows,linkable_by_quote,orphan_rows
-- format: lost_year=integer, lost_lead_rows=integer, linked_to_lead=integer, linked_to_opportunity=integer, linked_rows=integer, linkable_by_quote=integer, without_quote_number=integer, orphan_rows=integer, orphan_share=percent
with checked as (
  select extract(year from ll.lost_at)::int as lost_year,
         ll.lead_id is not null as has_lead,
         ll.booked_opportunity_id is not null as has_opportunity,
         (ll.lead_id is not null or ll.booked_opportunity_id is not null or ll.customer_id is not null) as linked,
         ll.quote_number is null as no_quote,
         exists (select 1 from lead_status l where l.quote_number = ll.quote_number) as quote_in_pool,
         exists (select 1 from booked_opportunity bo where bo.quote_number = ll.quote_number) as quote_in_opportunities
    from lost_lead ll
   where ll.lost_at between :period_from::date and :period_to::date
)
select lost_year,
       count(*) as lost_lead_rows,
       count(*) filter (where has_lead) as linked_to_lead,
       count(*) filter (where has_opportunity) as linked_to_opportunity,
       count(*) filter (where linked) as linked_rows,
       count(*) filter (where not linked and quote_in_pool) as linkable_by_quote,
       count(*) filter (where not linked and no_quote) as without_quote_number,
       count(*) filter (where not linked and not no_quote and not quote_in_pool and not quote_in_opportunities) as orphan_rows,
       round(avg((not linked and not no_quote and not quote_in_pool and not quote_in_opportunities)::int), 4) as orphan_share
  from checked
 group by lost_year
 order by lost_year
