-- name: Bookings per call: phone effort against results
-- description: Joins each person's phone activity (user_performance, weekly, counted in the month the
--   week starts) with their CRM results (sales_performance, monthly) for the months both report, and
--   shows bookings per 100 calls, calls per booking and booked revenue per call. It separates busy from
--   effective: many calls per booking means long cycles or poor qualification. Until performance
--   linkage has run the two sources are matched on the spelling of the name and the branch, so people
--   whose phone name differs from their CRM name are missing here.
-- category: Sales Performance
-- tags: bookings per call, efficiency, calls, close rate, per person
-- param: period daterange = 2019-01-01..2025-12-31 "Months starting"
-- param: branch branch = all "Branch"
-- param: min_calls integer = 200 "Minimum calls"
-- chart: bar x=sales_person y=bookings_per_100_calls
-- format: months_matched=integer, calls=integer, booked_count=integer, bookings_per_100_calls=number, calls_per_booking=number, booked_revenue_per_call=currency
with phone as (
  select coalesce(up.sales_person_id::text, lower(regexp_replace(trim(up.raw_user_name), '\s+', ' ', 'g'))) as person_key,
         up.branch_id,
         date_trunc('month', up.period_start)::date as month,
         sum(coalesce(up.calls_in, 0) + coalesce(up.calls_out, 0)) as calls
    from user_performance up
   where up.period_start between :period_from::date and :period_to::date
     and (:branch::bigint is null or up.branch_id = :branch)
   group by 1, 2, 3
), crm as (
  select coalesce(s.sales_person_id::text, lower(regexp_replace(trim(s.raw_sales_person), '\s+', ' ', 'g'))) as person_key,
         s.branch_id,
         date_trunc('month', s.period_start)::date as month,
         coalesce(sp.full_name, min(s.raw_sales_person)) as sales_person,
         sum(s.booked_count) as booked_count,
         sum(s.booked_revenue) as booked_revenue
    from sales_performance s
    left join sales_person sp on sp.sales_person_id = s.sales_person_id
   where s.period_start between :period_from::date and :period_to::date
     and (:branch::bigint is null or s.branch_id = :branch)
   group by 1, 2, 3, sp.full_name
)
select min(c.sales_person) as sales_person,
       min(coalesce(b.name, '(no branch)')) as branch,
       count(*) as months_matched,
       sum(p.calls) as calls,
       sum(c.booked_count) as booked_count,
       round(100.0 * sum(c.booked_count) / nullif(sum(p.calls), 0), 2) as bookings_per_100_calls,
       round(sum(p.calls)::numeric / nullif(sum(c.booked_count), 0), 1) as calls_per_booking,
       round(sum(c.booked_revenue) / nullif(sum(p.calls), 0), 2) as booked_revenue_per_call
  from crm c
  join phone p on p.person_key = c.person_key and p.branch_id = c.branch_id and p.month = c.month
  left join branch b on b.branch_id = c.branch_id
 group by c.person_key, c.branch_id
having sum(p.calls) >= :min_calls
 order by bookings_per_100_calls desc nulls last
