-- name: Cost mix by service type
-- description: How each service type's cost splits into labour, truck, materials and other, as shares of
--   its total cost, with the average cost per job and cost as a share of revenue. Labour dominates local
--   and labour-only work; long-distance work carries the truck; packing carries materials. A service
--   whose cost_to_revenue is creeping up while its mix is stable is under-priced rather than
--   inefficient.
-- category: Profitability
-- tags: cost mix, labour, truck, materials, service type
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=service_type y=labor_share,truck_share,materials_share,other_share
-- format: closed_jobs=integer, avg_cost_per_job=currency, labor_share=percent, truck_share=percent, materials_share=percent, other_share=percent, cost_to_revenue=percent
with costed as (
  select j.service_type, j.revenue,
         coalesce(j.labor_cost, 0) as labor, coalesce(j.truck_cost, 0) as truck,
         coalesce(j.materials_cost, 0) as materials, coalesce(j.other_cost, 0) as other
    from job j
   where j.status = 'CLOSED'
     and j.revenue is not null
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
)
select coalesce(service_type, '(unknown)') as service_type,
       count(*) as closed_jobs,
       round(avg(labor + truck + materials + other), 2) as avg_cost_per_job,
       round(sum(labor) / nullif(sum(labor + truck + materials + other), 0), 4) as labor_share,
       round(sum(truck) / nullif(sum(labor + truck + materials + other), 0), 4) as truck_share,
       round(sum(materials) / nullif(sum(labor + truck + materials + other), 0), 4) as materials_share,
       round(sum(other) / nullif(sum(labor + truck + materials + other), 0), 4) as other_share,
       round(sum(labor + truck + materials + other) / nullif(sum(revenue), 0), 4) as cost_to_revenue
  from costed
 group by 1
 order by closed_jobs desc
