-- name: Crew-hour economics by branch
-- description: Revenue, labour cost and gross margin per crew hour (crew size × hours) on closed jobs,
--   per branch. Revenue per crew hour is the branch's effective price for an hour of one mover; labour
--   cost per crew hour is what it effectively pays for that hour. A branch with a normal price but a thin
--   margin per crew hour is losing on trucks, materials or other cost — see the cost mix query.
-- category: Profitability
-- tags: crew hours, revenue per hour, labour cost, branch, margin
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=branch y=revenue_per_crew_hour,labor_cost_per_crew_hour,margin_per_crew_hour
-- format: closed_jobs=integer, crew_hours=number, closed_revenue=currency, revenue_per_crew_hour=currency, labor_cost_per_crew_hour=currency, total_cost_per_crew_hour=currency, margin_per_crew_hour=currency
select coalesce(b.name, '(no branch)') as branch,
       count(*) as closed_jobs,
       round(sum(j.crew_size * j.hours), 1) as crew_hours,
       sum(j.revenue) as closed_revenue,
       round(sum(j.revenue) / nullif(sum(j.crew_size * j.hours), 0), 2) as revenue_per_crew_hour,
       round(sum(j.labor_cost) / nullif(sum(j.crew_size * j.hours), 0), 2) as labor_cost_per_crew_hour,
       round(sum(coalesce(j.labor_cost, 0) + coalesce(j.truck_cost, 0) + coalesce(j.materials_cost, 0) + coalesce(j.other_cost, 0))
             / nullif(sum(j.crew_size * j.hours), 0), 2) as total_cost_per_crew_hour,
       round(sum(j.revenue - coalesce(j.labor_cost, 0) - coalesce(j.truck_cost, 0) - coalesce(j.materials_cost, 0) - coalesce(j.other_cost, 0))
             / nullif(sum(j.crew_size * j.hours), 0), 2) as margin_per_crew_hour
  from job j
  left join branch b on b.branch_id = j.branch_id
 where j.status = 'CLOSED'
   and j.revenue is not null
   and j.crew_size > 0
   and j.hours > 0
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch)
 group by j.branch_id, b.name
 order by crew_hours desc
