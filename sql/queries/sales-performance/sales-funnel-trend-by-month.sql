-- name: Team sales funnel by month
-- description: The sales team's monthly totals from sales_performance: people reporting, leads received,
--   quotes sent, bookings and booked revenue, with quote and close rates. Read it against the season:
--   leads peak in May–July, and a close rate that drops exactly when leads peak means the team cannot
--   work every lead at peak — hire or route leads before the next season.
-- category: Sales Performance
-- tags: trend, monthly, close rate, quotes, team
-- param: period daterange = 2019-01-01..2025-12-31 "Months starting"
-- param: branch branch = all "Branch"
-- chart: line x=month y=leads_received,quotes_sent,booked_count
-- format: month=date, people_reporting=integer, leads_received=integer, quotes_sent=integer, booked_count=integer, booked_revenue=currency, quote_rate=percent, close_rate=percent
select date_trunc('month', s.period_start)::date as month,
       count(distinct coalesce(s.sales_person_id::text, lower(s.raw_sales_person))) as people_reporting,
       coalesce(sum(s.leads_received), 0) as leads_received,
       coalesce(sum(s.quotes_sent), 0) as quotes_sent,
       coalesce(sum(s.booked_count), 0) as booked_count,
       coalesce(sum(s.booked_revenue), 0) as booked_revenue,
       round(sum(s.quotes_sent)::numeric / nullif(sum(s.leads_received), 0), 4) as quote_rate,
       round(sum(s.booked_count)::numeric / nullif(sum(s.leads_received), 0), 4) as close_rate
  from sales_performance s
 where s.period_start between :period_from::date and :period_to::date
   and (:branch::bigint is null or s.branch_id = :branch)
 group by 1
 order by 1
