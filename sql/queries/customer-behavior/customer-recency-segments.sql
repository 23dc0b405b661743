-- name: Customer recency segments
-- description: Customers with at least one job, grouped by how long ago their last job was
--   (customer.last_job_at) as of a chosen date: scheduled (a job still ahead), active (under a year),
--   cooling (1-2 years), lapsed (2-4 years) and dormant (4+ years), with their average job count and
--   lifetime revenue and the segment's share of all lifetime revenue. Read it to size a win-back or
--   referral campaign: the cooling segment is recent enough to remember the crew.
-- category: Customer Behavior
-- tags: recency, segmentation, win-back, lifetime value
-- param: as_of date = 2025-11-14 "As of"
-- chart: bar x=recency_segment y=customers
-- format: customers=integer, avg_job_count=number, avg_lifetime_revenue=currency, lifetime_revenue=currency, revenue_share=percent, avg_days_since_last_job=integer
with segmented as (
  select c.job_count,
         c.lifetime_revenue,
         :as_of::date - c.last_job_at as days_since_last_job,
         case when c.last_job_at > :as_of::date then 1
              when :as_of::date - c.last_job_at < 365 then 2
              when :as_of::date - c.last_job_at < 730 then 3
              when :as_of::date - c.last_job_at < 1461 then 4
              else 5 end as segment_order
    from customer c
   where c.job_count > 0
     and c.first_job_at <= :as_of::date
)
select case segment_order when 1 then 'scheduled' when 2 then 'active (<1 year)' when 3 then 'cooling (1-2 years)'
                          when 4 then 'lapsed (2-4 years)' else 'dormant (4+ years)' end as recency_segment,
       count(*) as customers,
       round(avg(job_count), 2) as avg_job_count,
       round(avg(lifetime_revenue), 2) as avg_lifetime_revenue,
       sum(lifetime_revenue) as lifetime_revenue,
       round(sum(lifetime_revenue) / nullif(sum(sum(lifetime_revenue)) over (), 0), 4) as revenue_share,
       round(avg(greatest(days_since_last_job, 0))) as avg_days_since_last_job
  from segmented
 group by segment_order
 order by segment_order
