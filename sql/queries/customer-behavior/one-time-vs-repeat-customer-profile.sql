-- name: One-time versus repeat customers: what the first move looked like
-- description: Compares customers who came back for another move with those who moved with us once,
--   on their first move: average ticket, average distance, share of long-distance first moves, share
--   who first came through a referral, and their average lifetime revenue. Only customers whose first
--   move is before the cut-off date are counted, so everyone has had time to return. Read it to find
--   what predicts a repeat customer and where to put the follow-up effort.
-- category: Customer Behavior
-- tags: repeat customers, profile, referral, first move
-- param: first_move_before date = 2023-12-31 "First move on or before"
-- param: long_distance_miles integer = 450 "Miles counted as long distance"
-- chart: bar x=customer_group y=avg_first_ticket,avg_lifetime_revenue
-- format: customers=integer, avg_first_ticket=currency, avg_first_distance=number, long_distance_first_share=percent, referral_first_share=percent, avg_lifetime_revenue=currency
with moves as (
  select j.customer_id,
         coalesce(j.booked_opportunity_id::text, j.job_number) as move_key,
         min(j.job_date) as move_date,
         coalesce(sum(j.revenue), 0) as move_revenue,
         max(j.distance_miles) as distance_miles,
         min(coalesce(ls.name, j.raw_lead_source, '')) as lead_source
    from job j
    left join lead_source ls on ls.lead_source_id = j.lead_source_id
   where j.status = 'CLOSED'
     and j.customer_id is not null
   group by 1, 2
),
sequenced as (
  select *, row_number() over (partition by customer_id order by move_date, move_key) as move_number,
         count(*) over (partition by customer_id) as moves
    from moves
)
select case when s.moves >= 2 then 'repeat customers' else 'one-time customers' end as customer_group,
       count(*) as customers,
       round(avg(s.move_revenue), 2) as avg_first_ticket,
       round(avg(s.distance_miles), 1) as avg_first_distance,
       round(count(*) filter (where s.distance_miles >= :long_distance_miles::int)::numeric / count(*), 4) as long_distance_first_share,
       round(count(*) filter (where s.lead_source ilike '%referral%')::numeric / count(*), 4) as referral_first_share,
       round(avg(c.lifetime_revenue), 2) as avg_lifetime_revenue
  from sequenced s
  join customer c on c.customer_id = s.customer_id
 where s.move_number = 1
   and s.move_date <= :first_move_before::date
 group by 1
 order by 1
