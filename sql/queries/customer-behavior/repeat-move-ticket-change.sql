-- name: Second move compared with the first
-- description: For customers who moved with us at least twice, compares the first and the second
--   closed move, grouped by the size of the first move: average ticket each time, the change in
--   ticket, the share whose second move had a higher ticket, and the share whose second move left the
--   state. Read it to see whether returning customers trade up (a bigger home, a longer haul) or come
--   back for smaller jobs, and price repeat-customer offers accordingly.
-- category: Customer Behavior
-- tags: repeat customers, average ticket, upsizing, move size
-- param: period daterange = 2019-01-01..2025-12-31 "Dates of the second move"
-- chart: bar x=first_move_size y=avg_first_ticket,avg_second_ticket
-- format: customers=integer, avg_first_ticket=currency, avg_second_ticket=currency, ticket_change=percent, higher_second_ticket_share=percent, second_move_interstate_share=percent
with moves as (
  select j.customer_id,
         coalesce(j.booked_opportunity_id::text, j.job_number) as move_key,
         min(j.job_date) as move_date,
         coalesce(sum(j.revenue), 0) as move_revenue,
         max(j.move_size) as move_size,
         bool_or(j.origin_state is distinct from j.destination_state and j.destination_state is not null) as interstate
    from job j
   where j.status = 'CLOSED'
     and j.customer_id is not null
   group by 1, 2
),
sequenced as (
  select customer_id,
         move_size,
         move_revenue as first_ticket,
         row_number() over (partition by customer_id order by move_date, move_key) as move_number,
         lead(move_date) over (partition by customer_id order by move_date, move_key) as second_move_date,
         lead(move_revenue) over (partition by customer_id order by move_date, move_key) as second_ticket,
         lead(interstate) over (partition by customer_id order by move_date, move_key) as second_interstate
    from moves
),
pairs as (
  select customer_id,
         coalesce(nullif(trim(move_size), ''), '(unknown)') as first_move_size,
         first_ticket,
         second_ticket,
         second_interstate
    from sequenced
   where move_number = 1
     and second_move_date between :period_from::date and :period_to::date
)
select first_move_size,
       count(*) as customers,
       round(avg(first_ticket), 2) as avg_first_ticket,
       round(avg(second_ticket), 2) as avg_second_ticket,
       round(avg(second_ticket) / nullif(avg(first_ticket), 0) - 1, 4) as ticket_change,
       round(count(*) filter (where second_ticket > first_ticket)::numeric / count(*), 4) as higher_second_ticket_share,
       round(count(*) filter (where second_interstate)::numeric / count(*), 4) as second_move_interstate_share
  from pairs
 group by first_move_size
 order by customers desc, first_move_size
