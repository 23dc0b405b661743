-- name: Customer value by acquisition source
-- description: Customers grouped by the lead source of their first closed move: how many, the
--   average first-move ticket, average lifetime revenue, the share who came back for another move
--   and the lifetime revenue all of them brought. Read it to judge channels on what a customer is
--   worth over time, not only on the first job: a source with an average first ticket but a high
--   return rate earns more than it looks.
-- category: Customer Behavior
-- tags: lifetime value, lead source, acquisition, repeat customers
-- param: period daterange = 2019-01-01..2025-12-31 "First-move dates"
-- param: min_customers integer = 10 "Minimum customers per source"
-- chart: bar x=acquisition_source y=avg_lifetime_revenue
-- format: customers=integer, avg_first_ticket=currency, avg_lifetime_revenue=currency, repeat_rate=percent, total_lifetime_revenue=currency
with moves as (
  select j.customer_id,
         coalesce(j.booked_opportunity_id::text, j.job_number) as move_key,
         min(j.job_date) as move_date,
         coalesce(sum(j.revenue), 0) as move_revenue,
         min(coalesce(ls.name, nullif(trim(j.raw_lead_source), ''), '(none)')) as lead_source
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
select s.lead_source as acquisition_source,
       count(*) as customers,
       round(avg(s.move_revenue), 2) as avg_first_ticket,
       round(avg(c.lifetime_revenue), 2) as avg_lifetime_revenue,
       round(count(*) filter (where s.moves >= 2)::numeric / count(*), 4) as repeat_rate,
       sum(c.lifetime_revenue) as total_lifetime_revenue
  from sequenced s
  join customer c on c.customer_id = s.customer_id
 where s.move_number = 1
   and s.move_date between :period_from::date and :period_to::date
 group by s.lead_source
having count(*) >= :min_customers::int
 order by avg_lifetime_revenue desc
