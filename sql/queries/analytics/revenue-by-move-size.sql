-- name: Revenue and average ticket by move size
-- description: Closed jobs, closed revenue, share of revenue, average ticket and average crew hours
--   for each move size (Studio to 5+ Bedroom, Office, Storage Unit). Read it to see which home sizes
--   carry the business: a size with a large revenue share but a low average ticket is a volume
--   segment, a small share with a high ticket is a premium one.
-- category: Analytics
-- tags: segmentation, move size, revenue, average ticket
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=move_size y=closed_revenue
-- format: closed_jobs=integer, closed_revenue=currency, revenue_share=percent, avg_ticket=currency, avg_crew_hours=number
with closed as (
  select coalesce(nullif(trim(j.move_size), ''), '(unknown)') as move_size,
         j.revenue,
         j.crew_size * j.hours as crew_hours
    from job j
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
)
select move_size,
       count(*) as closed_jobs,
       coalesce(sum(revenue), 0) as closed_revenue,
       round(coalesce(sum(revenue), 0) / nullif(sum(sum(revenue)) over (), 0), 4) as revenue_share,
       round(avg(revenue), 2) as avg_ticket,
       round(avg(crew_hours), 1) as avg_crew_hours
  from closed
 group by move_size
 order by closed_revenue desc
