-- name: Price vs wage per crew hour, quarter by quarter
-- description: Revenue and labour cost per crew hour on closed jobs, by quarter, with labour's share of
--   revenue. The gap between the two lines is what an hour of one mover earns the company before
--   trucks and materials. If labour_share_of_revenue climbs, wages are outrunning prices and the hourly
--   rate needs to go up; a falling revenue line with stable wages means discounting.
-- category: Profitability
-- tags: revenue per crew hour, labour cost, pricing, inflation, trend
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: service_type text = "" "Service type (blank for all, e.g. Local Move)"
-- chart: line x=quarter_start y=revenue_per_crew_hour,labor_cost_per_crew_hour
-- format: quarter_start=date, closed_jobs=integer, crew_hours=number, revenue_per_crew_hour=currency, labor_cost_per_crew_hour=currency, labor_share_of_revenue=percent
select date_trunc('quarter', j.job_date)::date as quarter_start,
       count(*) as closed_jobs,
       round(sum(j.crew_size * j.hours), 1) as crew_hours,
       round(sum(j.revenue) / nullif(sum(j.crew_size * j.hours), 0), 2) as revenue_per_crew_hour,
       round(sum(coalesce(j.labor_cost, 0)) / nullif(sum(j.crew_size * j.hours), 0), 2) as labor_cost_per_crew_hour,
       round(sum(coalesce(j.labor_cost, 0)) / nullif(sum(j.revenue), 0), 4) as labor_share_of_revenue
  from job j
 where j.status = 'CLOSED'
   and j.revenue > 0
   and j.crew_size > 0
   and j.hours > 0
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch)
   and (:service_type::text = '' or j.service_type = :service_type)
 group by 1
 order by 1
