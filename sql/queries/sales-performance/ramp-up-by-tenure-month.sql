-- name: New-hire ramp-up: results by month of tenure
-- description: Sales results by how many months a person had been reporting (month 1 = their first month
--   in sales_performance), averaged over everyone who reached that month: leads per month, bookings per
--   month and close rate. The curve shows how long a new seller takes to reach the team's level — use
--   the month where close_rate flattens as the end of onboarding. People who started before the data
--   begins are left out (their first month is not their first month on the job). Until performance
--   linkage has run, each spelling of a name counts as its own person, which swells the early months.
-- category: Sales Performance
-- tags: ramp-up, onboarding, tenure, new hires, close rate
-- param: period daterange = 2019-01-01..2025-12-31 "Months starting"
-- param: branch branch = all "Branch"
-- param: max_tenure_months integer = 24 "Months of tenure shown"
-- chart: line x=tenure_month y=close_rate
-- format: tenure_month=integer, people=integer, avg_leads_per_month=number, avg_bookings_per_month=number, close_rate=percent, avg_booked_revenue_per_month=currency
with person_rows as (
  select coalesce(s.sales_person_id::text, lower(s.raw_sales_person)) as person_key,
         s.period_start, s.leads_received, s.booked_count, s.booked_revenue,
         min(s.period_start) over (partition by coalesce(s.sales_person_id::text, lower(s.raw_sales_person))) as first_month,
         min(s.period_start) over () as data_start
    from sales_performance s
   where s.period_start between :period_from::date and :period_to::date
     and (:branch::bigint is null or s.branch_id = :branch)
), tenured as (
  select p.*,
         (extract(year from age(date_trunc('month', p.period_start), date_trunc('month', p.first_month))) * 12
          + extract(month from age(date_trunc('month', p.period_start), date_trunc('month', p.first_month))))::int + 1 as tenure_month
    from person_rows p
   where p.first_month > p.data_start
)
select tenure_month,
       count(distinct person_key) as people,
       round(avg(leads_received), 1) as avg_leads_per_month,
       round(avg(booked_count), 2) as avg_bookings_per_month,
       round(sum(booked_count)::numeric / nullif(sum(leads_received), 0), 4) as close_rate,
       round(avg(booked_revenue), 2) as avg_booked_revenue_per_month
  from tenured
 where tenure_month <= :max_tenure_months
 group by tenure_month
 order by tenure_month
