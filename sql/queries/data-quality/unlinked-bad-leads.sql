-- name: Bad leads linked to nothing
-- description: Bad-lead rows by the year received, with how many are linked to a lead (lead_id, set by
--   the bad-lead linkage pipeline) or a customer, and for the unlinked ones whether a link is there to be
--   found: their quote number exists in the lead pool, or their e-mail or phone matches a lead. Rows
--   with neither are true orphans — a lead deleted from the CRM, or a bad lead logged without one.
--   Before bad-lead linkage has run every row is unlinked and the "linkable" columns show what it
--   should find.
-- category: Data Quality
-- tags: orphans, bad leads, linkage, integrity
-- param: period daterange = 2019-01-01..2025-12-31 "Received dates"
-- chart: bar x=received_year y=linked_rows,linkable_by_quote,linkable_by_contact,orphan_rows
-- format: received_year=integer, bad_lead_rows=integer, linked_rows=integer, unlinked_rows=integer, linkable_by_quote=integer, linkable_by_contact=integer, orphan_rows=integer, orphan_share=percent
with checked as (
  select extract(year from bl.received_at)::int as received_year,
         (bl.lead_id is not null or bl.customer_id is not null) as linked,
         (bl.quote_number is not null and exists (select 1 from lead_status l where l.quote_number = bl.quote_number)) as quote_in_pool,
         ((bl.email is not null and exists (select 1 from lead_status l where lower(l.email) = lower(bl.email)))
          or (bl.phone is not null and exists (select 1 from lead_status l where l.phone = bl.phone))) as contact_in_pool
    from bad_lead bl
   where bl.received_at >= :period_from::date
     and bl.received_at < :period_to::date + 1
)
select received_year,
       count(*) as bad_lead_rows,
       count(*) filter (where linked) as linked_rows,
       count(*) filter (where not linked) as unlinked_rows,
       count(*) filter (where not linked and quote_in_pool) as linkable_by_quote,
       count(*) filter (where not linked and not quote_in_pool and contact_in_pool) as linkable_by_contact,
       count(*) filter (where not linked and not quote_in_pool and not contact_in_pool) as orphan_rows,
       round(avg((not linked and not quote_in_pool and not contact_in_pool)::int), 4) as orphan_share
  from checked
 group by received_year
 order by received_year
