-- name: Sales team size and productivity by branch
-- description: Per branch: how many people reported sales figures, the person-months they cover, and per
--   person-month the leads handled, bookings and booked revenue, with phone calls per person-week from
--   the phone system. Compare branches of different size on a per-head basis: a branch with many leads
--   per person-month and a falling close rate is under-staffed; few leads per head means the team is
--   bigger than the market needs.
-- category: Sales Performance
-- tags: productivity, team size, branch, per head, staffing
-- param: period daterange = 2019-01-01..2025-12-31 "Months starting"
-- chart: bar x=branch y=leads_per_person_month,bookings_per_person_month
-- format: people=integer, person_months=integer, leads_per_person_month=number, bookings_per_person_month=number, revenue_per_person_month=currency, close_rate=percent, calls_per_person_week=number
with sales as (
  select s.branch_id,
         count(distinct coalesce(s.sales_person_id::text, lower(s.raw_sales_person))) as people,
         count(*) as person_months,
         sum(s.leads_received) as leads_received,
         sum(s.booked_count) as booked_count,
         sum(s.booked_revenue) as booked_revenue
    from sales_performance s
   where s.period_start between :period_from::date and :period_to::date
   group by 1
), phone as (
  select up.branch_id,
         sum(coalesce(up.calls_in, 0) + coalesce(up.calls_out, 0))::numeric / count(*) as calls_per_person_week
    from user_performance up
   where up.period_start between :period_from::date and :period_to::date
   group by 1
)
select coalesce(b.name, '(no branch)') as branch,
       s.people,
       s.person_months,
       round(s.leads_received::numeric / s.person_months, 1) as leads_per_person_month,
       round(s.booked_count::numeric / s.person_months, 2) as bookings_per_person_month,
       round(s.booked_revenue / s.person_months, 2) as revenue_per_person_month,
       round(s.booked_count::numeric / nullif(s.leads_received, 0), 4) as close_rate,
       round(p.calls_per_person_week, 1) as calls_per_person_week
  from sales s
  left join phone p on p.branch_id = s.branch_id
  left join branch b on b.branch_id = s.branch_id
 order by s.person_months desc
