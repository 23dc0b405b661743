-- name: Sales funnel per person: leads, quotes, bookings, close rate
-- description: The CRM's monthly sales figures (sales_performance) totalled per person: leads received,
--   quotes sent, bookings and booked revenue, with the quote rate (quotes ÷ leads), the close rate
--   (bookings ÷ leads) and the quote-to-booking rate. Read the rates together: a low quote rate is a
--   follow-up problem, a good quote rate with a low quote-to-booking rate is a pricing or selling
--   problem. Canonical name once linked, else the export's spelling.
-- category: Sales Performance
-- tags: close rate, quotes, bookings, revenue, per person
-- param: period daterange = 2019-01-01..2025-12-31 "Months starting"
-- param: branch branch = all "Branch"
-- param: sales_person sales_person = all "Sales person"
-- param: min_leads integer = 20 "Minimum leads received"
-- chart: bar x=sales_person y=quote_rate,close_rate
-- format: months_reported=integer, leads_received=integer, quotes_sent=integer, booked_count=integer, booked_revenue=currency, quote_rate=percent, close_rate=percent, quote_to_booking_rate=percent
select coalesce(sp.full_name, s.raw_sales_person) as sales_person,
       mode() within group (order by coalesce(b.name, s.raw_branch)) as branch,
       count(*) as months_reported,
       coalesce(sum(s.leads_received), 0) as leads_received,
       coalesce(sum(s.quotes_sent), 0) as quotes_sent,
       coalesce(sum(s.booked_count), 0) as booked_count,
       coalesce(sum(s.booked_revenue), 0) as booked_revenue,
       round(sum(s.quotes_sent)::numeric / nullif(sum(s.leads_received), 0), 4) as quote_rate,
       round(sum(s.booked_count)::numeric / nullif(sum(s.leads_received), 0), 4) as close_rate,
       round(sum(s.booked_count)::numeric / nullif(sum(s.quotes_sent), 0), 4) as quote_to_booking_rate
  from sales_performance s
  left join sales_person sp on sp.sales_person_id = s.sales_person_id
  left join branch b on b.branch_id = s.branch_id
 where s.period_start between :period_from::date and :period_to::date
   and (:branch::bigint is null or s.branch_id = :branch)
   and (:sales_person::bigint is null or s.sales_person_id = :sales_person)
 group by s.sales_person_id, coalesce(sp.full_name, s.raw_sales_person)
having coalesce(sum(s.leads_received), 0) >= :min_leads
 order by booked_revenue desc
