-- name: Low-margin and loss-making jobs
-- description: Closed jobs whose gross margin is below the threshold share of revenue (at or below zero
--   means the job lost money), worst first, with the cost line that dominates. Use it to review
--   individual jobs with the branch: long hours against a fixed price, a big crew on a small move,
--   or a truck cost that belongs on another job are the usual causes. Sales person is the canonical
--   name when linked, else the spelling in the export.
-- category: Profitability
-- tags: unprofitable, margin, jobs, review, exceptions
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: max_margin_pct number = 0.2 "Show jobs with margin below (fraction of revenue)"
-- param: top_n integer = 200 "Maximum jobs listed"
-- chart: bar x=job_number y=gross_margin
-- format: job_date=date, crew_size=integer, hours=number, distance_miles=number, revenue=currency, total_cost=currency, gross_margin=currency, gross_margin_pct=percent
with costed as (
  select j.*,
         coalesce(j.labor_cost, 0) + coalesce(j.truck_cost, 0) + coalesce(j.materials_cost, 0) + coalesce(j.other_cost, 0) as total_cost
    from job j
   where j.status = 'CLOSED'
     and j.revenue is not null
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
)
select c.job_number,
       c.job_date,
       coalesce(b.name, c.raw_branch, '(no branch)') as branch,
       coalesce(sp.full_name, c.raw_sales_person, '(none)') as sales_person,
       c.service_type,
       c.move_size,
       c.crew_size,
       c.hours,
       c.distance_miles,
       c.revenue,
       c.total_cost,
       c.revenue - c.total_cost as gross_margin,
       round((c.revenue - c.total_cost) / nullif(c.revenue, 0), 4) as gross_margin_pct,
       case greatest(coalesce(c.labor_cost, 0), coalesce(c.truck_cost, 0), coalesce(c.materials_cost, 0), coalesce(c.other_cost, 0))
            when coalesce(c.labor_cost, 0) then 'labour'
            when coalesce(c.truck_cost, 0) then 'truck'
            when coalesce(c.materials_cost, 0) then 'materials'
            else 'other' end as largest_cost
  from costed c
  left join branch b on b.branch_id = c.branch_id
  left join sales_person sp on sp.sales_person_id = c.sales_person_id
 where c.revenue <= 0 or (c.revenue - c.total_cost) / c.revenue < :max_margin_pct::numeric
 order by gross_margin_pct nulls first, c.job_date desc
 limit :top_n
