-- name: Revenue lost to cancelled and lost bookings
-- description: Per month of the planned move, the estimated value of opportunities that were booked but
--   then cancelled or lost, next to the revenue actually closed that month. lost_to_closed_ratio is
--   the leakage: 0.10 means for every 100 dollars billed, 10 more were booked and never moved. A rise
--   in a peak month suggests double-booked customers or dates the branch could not serve.
-- category: Profitability
-- tags: cancellations, leakage, revenue at risk, bookings
-- param: period daterange = 2019-01-01..2025-12-31 "Move dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: line x=month y=cancelled_value,lost_value,closed_revenue
-- format: month=date, cancelled_opportunities=integer, cancelled_value=currency, lost_opportunities=integer, lost_value=currency, closed_revenue=currency, lost_to_closed_ratio=percent
with fallen as (
  select date_trunc('month', bo.move_date)::date as month,
         count(*) filter (where bo.status = 'CANCELLED') as cancelled_opportunities,
         coalesce(sum(bo.estimated_amount) filter (where bo.status = 'CANCELLED'), 0) as cancelled_value,
         count(*) filter (where bo.status = 'LOST') as lost_opportunities,
         coalesce(sum(bo.estimated_amount) filter (where bo.status = 'LOST'), 0) as lost_value
    from booked_opportunity bo
   where bo.move_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or bo.branch_id = :branch)
     and (:lead_source::bigint is null or bo.lead_source_id = :lead_source)
   group by 1
), closed as (
  select date_trunc('month', j.job_date)::date as month, sum(j.revenue) as closed_revenue
    from job j
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
     and (:lead_source::bigint is null or j.lead_source_id = :lead_source)
   group by 1
)
select coalesce(f.month, c.month) as month,
       coalesce(f.cancelled_opportunities, 0) as cancelled_opportunities,
       coalesce(f.cancelled_value, 0) as cancelled_value,
       coalesce(f.lost_opportunities, 0) as lost_opportunities,
       coalesce(f.lost_value, 0) as lost_value,
       coalesce(c.closed_revenue, 0) as closed_revenue,
       round((coalesce(f.cancelled_value, 0) + coalesce(f.lost_value, 0)) / nullif(c.closed_revenue, 0), 4) as lost_to_closed_ratio
  from fallen f
  full join closed c on c.month = f.month
 order by 1
