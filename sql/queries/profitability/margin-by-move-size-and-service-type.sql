-- name: Margin matrix: move size × service type
-- description: Average revenue, cost and gross margin per closed job for every combination of move size
--   and service type with enough jobs. It shows where the price list is out of line: a segment with a
--   margin percentage far below its neighbours (e.g. large homes on labour-only work) is priced per
--   hour too low for the crew it needs, while a thin segment with a high margin may just be rare.
--   Raise min_jobs to hide noisy segments.
-- category: Profitability
-- tags: margin, move size, service type, pricing, segments
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: min_jobs integer = 10 "Minimum closed jobs per segment"
-- chart: bar x=segment y=avg_revenue,avg_cost
-- format: closed_jobs=integer, avg_revenue=currency, avg_cost=currency, avg_gross_margin=currency, gross_margin_pct=percent
with costed as (
  select j.move_size, j.service_type, j.revenue,
         coalesce(j.labor_cost, 0) + coalesce(j.truck_cost, 0) + coalesce(j.materials_cost, 0) + coalesce(j.other_cost, 0) as total_cost
    from job j
   where j.status = 'CLOSED'
     and j.revenue > 0
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
)
select coalesce(move_size, '(unknown)') || ' · ' || coalesce(service_type, '(unknown)') as segment,
       coalesce(move_size, '(unknown)') as move_size,
       coalesce(service_type, '(unknown)') as service_type,
       count(*) as closed_jobs,
       round(avg(revenue), 2) as avg_revenue,
       round(avg(total_cost), 2) as avg_cost,
       round(avg(revenue - total_cost), 2) as avg_gross_margin,
       round(sum(revenue - total_cost) / sum(revenue), 4) as gross_margin_pct
  from costed
 group by move_size, service_type
having count(*) >= :min_jobs
 order by gross_margin_pct
