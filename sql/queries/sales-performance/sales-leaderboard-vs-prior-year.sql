-- name: Sales leaderboard with change against the prior year
-- description: People ranked by booked revenue in the chosen period (sales_performance), next to their
--   revenue and rank over the same dates one year earlier. rank_change above zero means the person
--   climbed; a blank prior rank is someone new (or spelled differently before performance linkage has
--   run). Use it for the quarterly review: climbers to learn from, fallers to support.
-- category: Sales Performance
-- tags: ranking, leaderboard, booked revenue, year over year
-- param: period daterange = 2025-01-01..2025-10-31 "Months starting"
-- param: branch branch = all "Branch"
-- param: min_leads integer = 10 "Minimum leads in the period"
-- chart: bar x=sales_person y=booked_revenue,prior_year_revenue
-- format: revenue_rank=integer, booked_count=integer, booked_revenue=currency, close_rate=percent, prior_year_revenue=currency, prior_year_rank=integer, rank_change=integer
with per_person as (
  select s.sales_person_id,
         coalesce(sp.full_name, s.raw_sales_person) as sales_person,
         s.period_start >= :period_from::date as current_period,
         sum(s.leads_received) as leads_received,
         sum(s.booked_count) as booked_count,
         sum(s.booked_revenue) as booked_revenue
    from sales_performance s
    left join sales_person sp on sp.sales_person_id = s.sales_person_id
   where ((s.period_start between :period_from::date and :period_to::date)
          or (s.period_start between (:period_from::date - interval '1 year')::date and (:period_to::date - interval '1 year')::date))
     and (:branch::bigint is null or s.branch_id = :branch)
   group by 1, 2, 3
), ranked as (
  select p.*, rank() over (partition by current_period order by booked_revenue desc nulls last) as revenue_rank
    from per_person p
)
select c.revenue_rank,
       c.sales_person,
       c.booked_count,
       c.booked_revenue,
       round(c.booked_count::numeric / nullif(c.leads_received, 0), 4) as close_rate,
       p.booked_revenue as prior_year_revenue,
       p.revenue_rank as prior_year_rank,
       p.revenue_rank - c.revenue_rank as rank_change
  from ranked c
  left join ranked p on not p.current_period
                    and p.sales_person_id is not distinct from c.sales_person_id
                    and p.sales_person = c.sales_person
 where c.current_period
   and coalesce(c.leads_received, 0) >= :min_leads
 order by c.revenue_rank, c.sales_person
