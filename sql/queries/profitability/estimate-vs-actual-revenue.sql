-- name: Estimate accuracy: quoted vs billed revenue by move size
-- description: For completed opportunities, the estimate the customer accepted against the revenue
--   actually billed on its closed jobs (a packing day and the move are added together), by move size.
--   avg_variance_pct above zero means jobs bill more than quoted; share_billed_below_estimate is how
--   often the crew finished under the quote (money left on the table with a binding estimate). A size
--   whose variance swings widely needs a better estimating rule.
-- category: Profitability
-- tags: estimate, quote accuracy, pricing, revenue, move size
-- param: period daterange = 2019-01-01..2025-12-31 "Move dates"
-- param: branch branch = all "Branch"
-- chart: bar x=move_size y=avg_estimate,avg_billed_revenue
-- format: opportunities=integer, avg_estimate=currency, avg_billed_revenue=currency, avg_variance_pct=percent, share_billed_below_estimate=percent, total_variance=currency
with closed as (
  select booked_opportunity_id, sum(revenue) filter (where status = 'CLOSED') as billed_revenue
    from job
   where booked_opportunity_id is not null
   group by 1
),
billed as (
  select bo.booked_opportunity_id, bo.move_size, bo.estimated_amount, c.billed_revenue
    from booked_opportunity bo
    join closed c on c.booked_opportunity_id = bo.booked_opportunity_id
   where bo.status = 'COMPLETED'
     and bo.estimated_amount > 0
     and c.billed_revenue is not null
     and bo.move_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or bo.branch_id = :branch)
)
select coalesce(move_size, '(unknown)') as move_size,
       count(*) as opportunities,
       round(avg(estimated_amount), 2) as avg_estimate,
       round(avg(billed_revenue), 2) as avg_billed_revenue,
       round(avg((billed_revenue - estimated_amount) / estimated_amount), 4) as avg_variance_pct,
       round(avg((billed_revenue < estimated_amount)::int), 4) as share_billed_below_estimate,
       sum(billed_revenue - estimated_amount) as total_variance
  from billed
 group by move_size
 order by coalesce(array_position(array['Studio', '1 Bedroom', '2 Bedroom', '3 Bedroom', '4 Bedroom', '5+ Bedroom', 'Office', 'Storage Unit'], move_size), 99), move_size
