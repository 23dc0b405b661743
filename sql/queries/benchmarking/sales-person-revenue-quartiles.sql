-- name: Sales team revenue quartiles and concentration
-- description: Splits the sales people with closed jobs in the period into four equal groups by
--   their closed revenue and shows, per quartile, the number of people, the revenue range, the
--   average per person and the quartile's share of all revenue. Read the top quartile's share: well
--   above 25 % means revenue is concentrated in a few people and the bottom quartile may need
--   coaching or fewer leads.
-- category: Benchmarking
-- tags: sales person, percentiles, quartiles, concentration
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=revenue_quartile y=revenue_share
-- format: revenue_quartile=integer, sales_people=integer, min_revenue=currency, max_revenue=currency, avg_revenue_per_person=currency, total_revenue=currency, revenue_share=percent
with per_person as (
  select coalesce(sp.full_name, nullif(trim(j.raw_sales_person), ''), '(none)') as sales_person,
         coalesce(sum(j.revenue), 0) as revenue
    from job j
    left join sales_person sp on sp.sales_person_id = j.sales_person_id
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
),
quartiled as (
  select *, 5 - ntile(4) over (order by revenue desc) as revenue_quartile
    from per_person
)
select revenue_quartile,
       count(*) as sales_people,
       min(revenue) as min_revenue,
       max(revenue) as max_revenue,
       round(avg(revenue), 2) as avg_revenue_per_person,
       sum(revenue) as total_revenue,
       round(sum(revenue) / nullif(sum(sum(revenue)) over (), 0), 4) as revenue_share
  from quartiled
 group by revenue_quartile
 order by revenue_quartile desc
