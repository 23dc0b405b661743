-- name: Monthly cohorts: return within 12, 24 and 36 months
-- description: Customers grouped by the month of their first closed move, with the share who booked
--   another move within 12, 24 and 36 months of it and the share who ever returned. A window that has
--   not fully elapsed by the last job date is left empty rather than shown too low. Read the 24-month
--   line across cohorts for whether return business is improving; a dip for the 2020 cohorts is
--   expected.
-- category: Customer Behavior
-- tags: cohorts, monthly, repeat customers, return window
-- param: period daterange = 2019-01-01..2024-12-31 "First-move months"
-- chart: line x=cohort_month y=returned_12m_rate,returned_24m_rate
-- format: cohort_month=date, cohort_customers=integer, returned_12m_rate=percent, returned_24m_rate=percent, returned_36m_rate=percent, returned_ever_rate=percent
with moves as (
  select j.customer_id,
         coalesce(j.booked_opportunity_id::text, j.job_number) as move_key,
         min(j.job_date) as move_date
    from job j
   where j.status = 'CLOSED'
     and j.customer_id is not null
   group by 1, 2
),
sequenced as (
  select customer_id, move_date,
         row_number() over (partition by customer_id order by move_date, move_key) as move_number
    from moves
),
per_customer as (
  select customer_id,
         min(move_date) filter (where move_number = 1) as first_move,
         min(move_date) filter (where move_number = 2) as second_move
    from sequenced
   group by customer_id
),
horizon as (
  select max(job_date) as last_date from job where status = 'CLOSED'
)
select date_trunc('month', p.first_move)::date as cohort_month,
       count(*) as cohort_customers,
       case when max(p.first_move) + interval '12 months' <= max(h.last_date)
            then round(count(*) filter (where p.second_move < p.first_move + interval '12 months')::numeric / count(*), 4) end as returned_12m_rate,
       case when max(p.first_move) + interval '24 months' <= max(h.last_date)
            then round(count(*) filter (where p.second_move < p.first_move + interval '24 months')::numeric / count(*), 4) end as returned_24m_rate,
       case when max(p.first_move) + interval '36 months' <= max(h.last_date)
            then round(count(*) filter (where p.second_move < p.first_move + interval '36 months')::numeric / count(*), 4) end as returned_36m_rate,
       round(count(p.second_move)::numeric / count(*), 4) as returned_ever_rate
  from per_customer p
 cross join horizon h
 where p.first_move between :period_from::date and :period_to::date
 group by 1
 order by 1
