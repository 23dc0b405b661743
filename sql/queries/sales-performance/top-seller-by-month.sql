-- name: Top seller of each month and their share of bookings
-- description: For every month, the person with the most booked revenue (sales_performance), their
--   revenue and bookings, and the share of the team's booked revenue they brought in. A top share that
--   keeps rising means the business leans on one star — a risk if they leave; a different name every
--   month means a balanced team. Scope it to a branch for a branch-level view.
-- category: Sales Performance
-- tags: ranking, top performer, concentration, monthly
-- param: period daterange = 2019-01-01..2025-12-31 "Months starting"
-- param: branch branch = all "Branch"
-- chart: line x=month y=top_booked_revenue,team_booked_revenue
-- format: month=date, top_booked_revenue=currency, top_booked_count=integer, team_booked_revenue=currency, top_share_of_revenue=percent, people_reporting=integer
with per_person as (
  select date_trunc('month', s.period_start)::date as month,
         s.sales_person_id,
         coalesce(sp.full_name, s.raw_sales_person) as sales_person,
         sum(s.booked_revenue) as booked_revenue,
         sum(s.booked_count) as booked_count
    from sales_performance s
    left join sales_person sp on sp.sales_person_id = s.sales_person_id
   where s.period_start between :period_from::date and :period_to::date
     and (:branch::bigint is null or s.branch_id = :branch)
   group by 1, 2, 3
), ranked as (
  select p.*,
         row_number() over (partition by month order by booked_revenue desc nulls last, sales_person) as position,
         sum(booked_revenue) over (partition by month) as team_booked_revenue,
         count(*) over (partition by month) as people_reporting
    from per_person p
)
select month,
       sales_person as top_sales_person,
       booked_revenue as top_booked_revenue,
       booked_count as top_booked_count,
       team_booked_revenue,
       round(booked_revenue / nullif(team_booked_revenue, 0), 4) as top_share_of_revenue,
       people_reporting
  from ranked
 where position = 1
 order by month
