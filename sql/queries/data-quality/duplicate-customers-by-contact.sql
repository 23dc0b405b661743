-- name: Duplicate customers sharing an e-mail or phone
-- description: Customer records that share a normalized e-mail address or phone number with another
--   customer record — after customer resolution these should be rare, so every group is either a
--   household sharing a phone, a typo in a name that kept two records apart, or a real duplicate to
--   merge. Groups show the ids, names, the jobs on each side and the lifetime revenue split between
--   them. Empty until the customer-resolution pipeline has filled the customer table.
-- category: Data Quality
-- tags: duplicates, customers, email, phone, deduplication
-- param: match_on text = "" "Match on (blank for both: email or phone)"
-- chart: bar x=contact_value y=customers
-- format: customers=integer, total_jobs=integer, total_lifetime_revenue=currency
-- The duplicated contact values are found first, once (materialized: each parallel worker would
-- otherwise find them again); only the customers holding them are then read and aggregated with
-- their ids and names.
with dups as materialized (
  select 'email' as match_on, email_norm as contact_value from customer
   where email_norm <> '' and :match_on::text in ('', 'email')
   group by email_norm having count(*) > 1
  union all
  select 'phone', phone_norm from customer
   where phone_norm <> '' and :match_on::text in ('', 'phone')
   group by phone_norm having count(*) > 1
), keyed as (
  select d.match_on, d.contact_value, c.*
    from customer c join dups d on d.match_on = 'email' and d.contact_value = c.email_norm
  union all
  select d.match_on, d.contact_value, c.*
    from customer c join dups d on d.match_on = 'phone' and d.contact_value = c.phone_norm
)
select match_on,
       contact_value,
       count(*) as customers,
       string_agg(customer_id::text, ', ' order by customer_id) as customer_ids,
       string_agg(distinct full_name, ' | ') as names,
       sum(job_count) as total_jobs,
       sum(lifetime_revenue) as total_lifetime_revenue
  from keyed
 group by match_on, contact_value
 order by customers desc, total_jobs desc, contact_value
