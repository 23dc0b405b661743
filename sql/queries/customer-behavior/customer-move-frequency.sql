-- name: How many times customers move with us
-- description: Customers grouped by the number of separate closed moves they made (a packing day and
--   the move on the same booking count as one), with the share of customers, total revenue, share of
--   revenue and revenue per customer in each group. Read it to see what repeat business is worth:
--   the groups with two or more moves are small, but each customer there is worth roughly twice a
--   one-time mover or more.
-- category: Customer Behavior
-- tags: repeat customers, frequency, distribution, lifetime value
-- param: period daterange = 2019-01-01..2025-12-31 "Move dates"
-- param: branch branch = all "Branch (moves counted there)"
-- chart: bar x=moves_made y=customers
-- format: customers=integer, customer_share=percent, revenue=currency, revenue_share=percent, revenue_per_customer=currency
with moves as (
  select j.customer_id,
         coalesce(j.booked_opportunity_id::text, j.job_number) as move_key,
         coalesce(sum(j.revenue), 0) as move_revenue
    from job j
   where j.status = 'CLOSED'
     and j.customer_id is not null
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1, 2
),
per_customer as (
  select customer_id, count(*) as moves, sum(move_revenue) as revenue
    from moves
   group by customer_id
)
select case when moves >= 4 then '4+ moves' else moves || (case when moves = 1 then ' move' else ' moves' end) end as moves_made,
       count(*) as customers,
       round(count(*)::numeric / sum(count(*)) over (), 4) as customer_share,
       sum(revenue) as revenue,
       round(sum(revenue) / nullif(sum(sum(revenue)) over (), 0), 4) as revenue_share,
       round(sum(revenue) / count(*), 2) as revenue_per_customer
  from per_customer
 group by least(moves, 4), 1
 order by least(moves, 4)
