-- name: Who sells the bigger moves: average booking value per person
-- description: Booked revenue divided by bookings for each person (sales_performance), set against the
--   company's average booking value over the same months (value_index, 1.0 = company average), with the
--   best month's average. Someone with few bookings but a high index sells the large or long-distance
--   jobs; a low index with many bookings means volume of small local moves. Canonical name once
--   linked, else the export's spelling.
-- category: Sales Performance
-- tags: booking value, deal size, revenue, per person
-- param: period daterange = 2019-01-01..2025-12-31 "Months starting"
-- param: branch branch = all "Branch"
-- param: min_bookings integer = 10 "Minimum bookings"
-- chart: bar x=sales_person y=avg_booking_value
-- format: booked_count=integer, booked_revenue=currency, avg_booking_value=currency, value_index=number, best_month_avg_value=currency
with rows_in_scope as (
  select s.*, coalesce(sp.full_name, s.raw_sales_person) as person_name
    from sales_performance s
    left join sales_person sp on sp.sales_person_id = s.sales_person_id
   where s.period_start between :period_from::date and :period_to::date
     and (:branch::bigint is null or s.branch_id = :branch)
)
select r.person_name as sales_person,
       sum(r.booked_count) as booked_count,
       sum(r.booked_revenue) as booked_revenue,
       round(sum(r.booked_revenue) / nullif(sum(r.booked_count), 0), 2) as avg_booking_value,
       round((sum(r.booked_revenue) / nullif(sum(r.booked_count), 0))
             / nullif((select sum(booked_revenue) / nullif(sum(booked_count), 0) from rows_in_scope), 0), 2) as value_index,
       round(max(r.booked_revenue / nullif(r.booked_count, 0)), 2) as best_month_avg_value
  from rows_in_scope r
 group by r.sales_person_id, r.person_name
having sum(r.booked_count) >= :min_bookings
 order by avg_booking_value desc
