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
-- The leads are read once (materialized). Only contact values with two different names (or e-mails)
-- can qualify, which min <> max finds with a hashed grouping; the distinct names and e-mails are then
-- sorted for those values alone, not for every lead.
with pool as materialized (
  select lower(l.email) as email,
         l.phone,
         lower(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, ''))) as name_key,
         coalesce(nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''), l.raw_customer_name) as display_name,
         l.received_at::date as received
    from lead_status l
   where l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
), mixed_emails as (
  select email from pool
   where email is not null and email <> ''
   group by email
  having min(name_key) <> max(name_key) or :min_variants <= 1
), mixed_phones as (
  select phone from pool
   where phone is not null and phone <> '' and email is not null and email <> ''
   group by phone
  having min(email) <> max(email) or :min_variants <= 1
), by_email as (
  select 'e-mail with several names' as finding, p.email as contact_value, count(*) as leads,
         count(distinct p.name_key) as variants,
         string_agg(distinct p.display_name, ' | ') as values_seen,
         min(p.received) as first_received, max(p.received) as last_received
    from pool p
    join mixed_emails m on m.email = p.email
   group by p.email
  having count(distinct p.name_key) >= :min_variants
), by_phone as (
  select 'phone with several e-mails', p.phone, count(*),
         count(distinct p.email),
         string_agg(distinct p.email, ' | '),
         min(p.received), max(p.received)
    from pool p
    join mixed_phones m on m.phone = p.phone
   where p.email is not null and p.email <> ''
   group by p.phone
  having count(distinct p.email) >= :min_variants
)
select * from by_email
union all
select * from by_phone
 order by variants desc, leads desc, contact_value
