-- name: Returning versus new customer revenue by year
-- description: Each year's closed moves and revenue split into first moves of new customers and
--   moves of returning customers (who had an earlier closed move), with the returning share of
--   revenue; closed jobs not linked to any customer are counted apart. Read the returning share as
--   the health of the customer base: it starts near zero in 2019 and should climb as the base ages.
-- category: Customer Behavior
-- tags: repeat customers, new customers, revenue, yearly
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: line x=job_year y=returning_revenue_share
-- format: new_customer_moves=integer, returning_customer_moves=integer, unlinked_jobs=integer, new_customer_revenue=currency, returning_customer_revenue=currency, returning_revenue_share=percent
with moves as (
  select j.customer_id,
         coalesce(j.booked_opportunity_id::text, j.job_number) as move_key,
         min(j.job_date) as move_date,
         min(j.branch_id) as branch_id,
         coalesce(sum(j.revenue), 0) as move_revenue
    from job j
   where j.status = 'CLOSED'
     and j.customer_id is not null
   group by 1, 2
),
sequenced as (
  select *, row_number() over (partition by customer_id order by move_date, move_key) as move_number
    from moves
),
yearly as (
  select extract(year from move_date)::int as job_year,
         count(*) filter (where move_number = 1) as new_customer_moves,
         count(*) filter (where move_number > 1) as returning_customer_moves,
         coalesce(sum(move_revenue) filter (where move_number = 1), 0) as new_customer_revenue,
         coalesce(sum(move_revenue) filter (where move_number > 1), 0) as returning_customer_revenue
    from sequenced
   where move_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or branch_id = :branch::bigint)
   group by 1
),
unlinked as (
  select extract(year from j.job_date)::int as job_year, count(*) as unlinked_jobs
    from job j
   where j.status = 'CLOSED'
     and j.customer_id is null
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
)
select y.job_year,
       y.new_customer_moves,
       y.returning_customer_moves,
       coalesce(u.unlinked_jobs, 0) as unlinked_jobs,
       y.new_customer_revenue,
       y.returning_customer_revenue,
       round(y.returning_customer_revenue / nullif(y.new_customer_revenue + y.returning_customer_revenue, 0), 4) as returning_revenue_share
  from yearly y
  left join unlinked u using (job_year)
 order by y.job_year
