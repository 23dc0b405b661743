-- name: Lead-pool contacts used under different names
-- description: Before (or beside) customer resolution: normalized e-mail addresses that appear on leads
--   under more than one customer name, and phone numbers that appear with more than one e-mail address.
--   Each group is a decision the customer-resolution step has to make — a name typo or "Smith, John"
--   (same person), a household or an office line (different people), or a reused address. Groups with
--   many leads and few names are usually one person inquiring again.
-- category: Data Quality
-- tags: duplicates, contacts, email, phone, customer resolution
-- param: period daterange = 2019-01-01..2025-12-31 "Lead received dates"
-- param: min_variants integer = 2 "Minimum distinct names or e-mails"
-- chart: bar x=contact_value y=variants
-- format: leads=integer, variants=integer, first_received=date, last_received=date
-- Most contact values belong to one lead, so the query first finds the few that can qualify: an
-- e-mail whose leads differ in first or last name (or a phone with two e-mails), by min <> max in
-- byte order over the covering indexes lead_status_email_name_idx and lead_status_phone_email_idx
-- (migration 0011), read in key order without touching the table. That is a superset; the exact
-- count of distinct names decides below. Only the leads of those values are then fetched, from the
-- same indexes (the lateral subqueries are fenced with OFFSET 0 so that they stay index lookups).
-- The import stores e-mail lower-cased.
with mixed_emails as materialized (
  select l.email
    from lead_status l
   where l.email is not null and l.email <> ''
     and l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
   group by l.email
  having min(l.first_name collate "C") <> max(l.first_name collate "C")
      or min(l.last_name collate "C") <> max(l.last_name collate "C")
      or count(l.first_name) not in (0, count(*))
      or count(l.last_name) not in (0, count(*))
      or :min_variants <= 1
), mixed_phones as materialized (
  select l.phone
    from lead_status l
   where l.phone is not null and l.phone <> '' and l.email is not null and l.email <> ''
     and l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
   group by l.phone
  having min(l.email collate "C") <> max(l.email collate "C") or :min_variants <= 1
), by_email as (
  select 'e-mail with several names' as finding, m.email as contact_value, count(*) as leads,
         count(distinct lower(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')))) as variants,
         string_agg(distinct coalesce(nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''), l.raw_customer_name), ' | ') as values_seen,
         min(l.received_at::date) as first_received, max(l.received_at::date) as last_received
    from mixed_emails m
   cross join lateral (
         select l.first_name, l.last_name, l.raw_customer_name, l.received_at
           from lead_status l
          where l.email = m.email
            and l.received_at >= :period_from::date
            and l.received_at < :period_to::date + 1
         offset 0) l
   group by m.email
  having count(distinct lower(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')))) >= :min_variants
), by_phone as (
  select 'phone with several e-mails', m.phone, count(*),
         count(distinct l.email),
         string_agg(distinct l.email, ' | '),
         min(l.received_at::date), max(l.received_at::date)
    from mixed_phones m
   cross join lateral (
         select l.email, l.received_at
           from lead_status l
          where l.phone = m.phone
            and l.email is not null and l.email <> ''
            and l.received_at >= :period_from::date
            and l.received_at < :period_to::date + 1
         offset 0) l
   group by m.phone
  having count(distinct l.email) >= :min_variants
)
select * from by_email
union all
select * from by_phone
 order by variants desc, leads desc, contact_value
