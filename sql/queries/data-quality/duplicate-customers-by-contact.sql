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
with keyed as (
  select 'email' as match_on, c.email_norm as contact_value, c.*
    from customer c
   where c.email_norm is not null and c.email_norm <> ''
  union all
  select 'phone', c.phone_norm, c.*
    from customer c
   where c.phone_norm is not null and c.phone_norm <> ''
)
select match_on,
       contact_value,
       count(*) as customers,
       string_agg(customer_id::text, ', ' order by customer_id) as customer_ids,
       string_agg(distinct full_name, ' | ') as names,
       sum(job_count) as total_jobs,
       sum(lifetime_revenue) as total_lifetime_revenue
  from keyed
 where (:match_on::text = '' or match_on = :match_on)
 group by match_on, contact_value
having count(*) > 1
 order by customers desc, total_jobs desc, contact_value
