-- name: Customer lifetime value distribution
-- description: Customers with at least one job, grouped by lifetime revenue (customer.lifetime_revenue)
--   into bands from under $1,000 to $20,000+, with each band's share of customers and of revenue and
--   its average job count. Read the two shares together: the top bands are few customers but a large
--   slice of revenue, the ones worth a personal follow-up and a referral ask.
-- category: Customer Behavior
-- tags: lifetime value, distribution, customers, concentration
-- param: first_job_period daterange = 2019-01-01..2025-12-31 "First-job dates"
-- chart: bar x=value_band y=customer_share,revenue_share
-- format: customers=integer, customer_share=percent, lifetime_revenue=currency, revenue_share=percent, avg_lifetime_revenue=currency, avg_job_count=number
with banded as (
  select c.lifetime_revenue,
         c.job_count,
         case when c.lifetime_revenue < 1000 then 1
              when c.lifetime_revenue < 2500 then 2
              when c.lifetime_revenue < 5000 then 3
              when c.lifetime_revenue < 10000 then 4
              when c.lifetime_revenue < 20000 then 5
              else 6 end as band_order
    from customer c
   where c.job_count > 0
     and c.first_job_at between :first_job_period_from::date and :first_job_period_to::date
)
select case band_order when 1 then 'under $1,000' when 2 then '$1,000-2,499' when 3 then '$2,500-4,999'
                       when 4 then '$5,000-9,999' when 5 then '$10,000-19,999' else '$20,000+' end as value_band,
       count(*) as customers,
       round(count(*)::numeric / sum(count(*)) over (), 4) as customer_share,
       sum(lifetime_revenue) as lifetime_revenue,
       round(sum(lifetime_revenue) / nullif(sum(sum(lifetime_revenue)) over (), 0), 4) as revenue_share,
       round(avg(lifetime_revenue), 2) as avg_lifetime_revenue,
       round(avg(job_count), 2) as avg_job_count
  from banded
 group by band_order
 order by band_order
