-- name: Close-rate consistency month to month
-- description: For each person with enough months, the average of their monthly close rates (bookings ÷
--   leads), its standard deviation, the worst and best month, and the share of months with no booking
--   at all. Two sellers with the same overall close rate can differ a lot: a high deviation or many
--   zero months means results depend on a few good months — look at lead allocation and absences
--   before judging skill. Only months with at least min_leads_per_month leads count; a month's rate
--   can pass 100 % when it books leads that arrived the month before.
-- category: Sales Performance
-- tags: close rate, consistency, variability, per person
-- param: period daterange = 2019-01-01..2025-12-31 "Months starting"
-- param: branch branch = all "Branch"
-- param: min_leads_per_month integer = 5 "Minimum leads for a month to count"
-- param: min_months integer = 6 "Minimum qualifying months"
-- chart: bar x=sales_person y=avg_monthly_close_rate,close_rate_stddev
-- format: qualifying_months=integer, avg_monthly_close_rate=percent, close_rate_stddev=percent, worst_month_close_rate=percent, best_month_close_rate=percent, share_of_months_without_booking=percent
with monthly as (
  select s.sales_person_id,
         coalesce(sp.full_name, s.raw_sales_person) as sales_person,
         s.period_start,
         sum(s.booked_count)::numeric / sum(s.leads_received) as close_rate,
         sum(s.booked_count) as booked_count
    from sales_performance s
    left join sales_person sp on sp.sales_person_id = s.sales_person_id
   where s.period_start between :period_from::date and :period_to::date
     and (:branch::bigint is null or s.branch_id = :branch)
   group by 1, 2, 3
  having sum(s.leads_received) >= greatest(:min_leads_per_month::int, 1)
)
select sales_person,
       count(*) as qualifying_months,
       round(avg(close_rate), 4) as avg_monthly_close_rate,
       round(stddev_samp(close_rate), 4) as close_rate_stddev,
       round(min(close_rate), 4) as worst_month_close_rate,
       round(max(close_rate), 4) as best_month_close_rate,
       round(avg((booked_count = 0)::int), 4) as share_of_months_without_booking
  from monthly
 group by sales_person_id, sales_person
having count(*) >= :min_months
 order by close_rate_stddev desc nulls last
