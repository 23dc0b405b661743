-- name: Gross margin by sales person
-- description: Closed jobs, revenue, gross margin and margin percentage attributed to the sales person on
--   each job. It separates sellers who book volume at thin margins (discounting to close) from those
--   whose smaller books are more profitable; compare gross_margin_pct with the company line and
--   avg_margin_per_job with avg_revenue_per_job. The name is the canonical sales person once the
--   linkage pipeline has set it, else the spelling in the export, so one person may appear under
--   several spellings until then.
-- category: Profitability
-- tags: sales person, margin, discounting, profitability
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: min_jobs integer = 10 "Minimum closed jobs"
-- chart: bar x=sales_person y=gross_margin
-- format: closed_jobs=integer, closed_revenue=currency, gross_margin=currency, gross_margin_pct=percent, avg_revenue_per_job=currency, avg_margin_per_job=currency
select coalesce(sp.full_name, j.raw_sales_person, '(none)') as sales_person,
       count(*) as closed_jobs,
       sum(j.revenue) as closed_revenue,
       sum(j.revenue - coalesce(j.labor_cost, 0) - coalesce(j.truck_cost, 0) - coalesce(j.materials_cost, 0) - coalesce(j.other_cost, 0)) as gross_margin,
       round(sum(j.revenue - coalesce(j.labor_cost, 0) - coalesce(j.truck_cost, 0) - coalesce(j.materials_cost, 0) - coalesce(j.other_cost, 0))
             / nullif(sum(j.revenue), 0), 4) as gross_margin_pct,
       round(avg(j.revenue), 2) as avg_revenue_per_job,
       round(avg(j.revenue - coalesce(j.labor_cost, 0) - coalesce(j.truck_cost, 0) - coalesce(j.materials_cost, 0) - coalesce(j.other_cost, 0)), 2) as avg_margin_per_job
  from job j
  left join sales_person sp on sp.sales_person_id = j.sales_person_id
 where j.status = 'CLOSED'
   and j.revenue > 0
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch)
 group by 1
having count(*) >= :min_jobs
 order by gross_margin desc
