-- name: Revenue, ticket and cancellations by service type
-- description: For each service type (Local Move, Long Distance Move, Commercial Move, Packing,
--   Labor Only): all jobs, closed jobs, cancellation rate, closed revenue, share of revenue and
--   average ticket. Read it to size each line of business and to spot a service whose bookings
--   cancel more often than the others.
-- category: Analytics
-- tags: segmentation, service type, revenue, cancellations
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=service_type y=closed_revenue
-- format: all_jobs=integer, closed_jobs=integer, cancellation_rate=percent, closed_revenue=currency, revenue_share=percent, avg_ticket=currency
select coalesce(nullif(trim(j.service_type), ''), '(unknown)') as service_type,
       count(*) as all_jobs,
       count(*) filter (where j.status = 'CLOSED') as closed_jobs,
       round(count(*) filter (where j.status = 'CANCELLED')::numeric / count(*), 4) as cancellation_rate,
       coalesce(sum(j.revenue) filter (where j.status = 'CLOSED'), 0) as closed_revenue,
       round(coalesce(sum(j.revenue) filter (where j.status = 'CLOSED'), 0)
             / nullif(sum(sum(j.revenue) filter (where j.status = 'CLOSED')) over (), 0), 4) as revenue_share,
       round(avg(j.revenue) filter (where j.status = 'CLOSED'), 2) as avg_ticket
  from job j
 where j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch::bigint)
 group by 1
 order by closed_revenue desc
