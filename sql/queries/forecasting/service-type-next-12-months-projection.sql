-- name: Next 12 months revenue by service type
-- description: For each service type, closed revenue in the 12 months up to the as-of date and in the
--   12 months before that, the growth between them, and a projection for the next 12 months that
--   applies the same growth to the latest 12 months. Read it to see which lines of business will
--   carry next year's growth; treat a projection built on a tiny base (few jobs) with caution.
-- category: Forecasting
-- tags: forecast, service type, growth, next 12 months
-- param: as_of date = 2025-10-31 "End of the latest 12 months"
-- param: branch branch = all "Branch"
-- chart: bar x=service_type y=latest_12m_revenue,projected_next_12m_revenue
-- format: latest_12m_jobs=integer, latest_12m_revenue=currency, prior_12m_revenue=currency, growth_rate=percent, projected_next_12m_revenue=currency
with windows as (
  select coalesce(nullif(trim(j.service_type), ''), '(unknown)') as service_type,
         count(*) filter (where j.job_date > :as_of::date - interval '12 months') as latest_12m_jobs,
         coalesce(sum(j.revenue) filter (where j.job_date > :as_of::date - interval '12 months'), 0) as latest_12m_revenue,
         coalesce(sum(j.revenue) filter (where j.job_date <= :as_of::date - interval '12 months'), 0) as prior_12m_revenue
    from job j
   where j.status = 'CLOSED'
     and j.job_date > :as_of::date - interval '24 months'
     and j.job_date <= :as_of::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
)
select service_type,
       latest_12m_jobs,
       latest_12m_revenue,
       prior_12m_revenue,
       round(latest_12m_revenue / nullif(prior_12m_revenue, 0) - 1, 4) as growth_rate,
       round(latest_12m_revenue * coalesce(latest_12m_revenue / nullif(prior_12m_revenue, 0), 1), 2) as projected_next_12m_revenue
  from windows
 order by latest_12m_revenue desc
