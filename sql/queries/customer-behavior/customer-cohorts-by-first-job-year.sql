-- name: Customer cohorts by first-job year: size and value
-- description: Customers grouped by the year of their first job (customer.first_job_at): how many
--   there are, their revenue in the first 365 days, their revenue since, average lifetime revenue,
--   average moves and how many came back for another move. Read older cohorts for the long-run
--   value of a customer and newer ones for how acquisition grows; later revenue is naturally small
--   for the latest cohorts, which have had little time to return.
-- category: Customer Behavior
-- tags: cohorts, lifetime value, repeat customers, yearly
-- param: period daterange = 2019-01-01..2025-12-31 "First-job dates"
-- chart: bar x=cohort_year y=first_year_revenue,later_revenue
-- format: cohort_customers=integer, first_year_revenue=currency, later_revenue=currency, avg_lifetime_revenue=currency, avg_moves=number, repeat_customers=integer
with moves as (
  select j.customer_id,
         coalesce(j.booked_opportunity_id::text, j.job_number) as move_key,
         min(j.job_date) as move_date,
         coalesce(sum(j.revenue), 0) as move_revenue
    from job j
   where j.status = 'CLOSED'
     and j.customer_id is not null
   group by 1, 2
),
per_customer as (
  select c.customer_id,
         extract(year from c.first_job_at)::int as cohort_year,
         c.lifetime_revenue,
         count(m.move_key) as moves,
         coalesce(sum(m.move_revenue) filter (where m.move_date < c.first_job_at + 365), 0) as first_year_revenue,
         coalesce(sum(m.move_revenue) filter (where m.move_date >= c.first_job_at + 365), 0) as later_revenue
    from customer c
    left join moves m on m.customer_id = c.customer_id
   where c.first_job_at between :period_from::date and :period_to::date
   group by c.customer_id, c.first_job_at, c.lifetime_revenue
)
select cohort_year,
       count(*) as cohort_customers,
       sum(first_year_revenue) as first_year_revenue,
       sum(later_revenue) as later_revenue,
       round(avg(lifetime_revenue), 2) as avg_lifetime_revenue,
       round(avg(moves), 2) as avg_moves,
       count(*) filter (where moves >= 2) as repeat_customers
  from per_customer
 group by cohort_year
 order by cohort_year
