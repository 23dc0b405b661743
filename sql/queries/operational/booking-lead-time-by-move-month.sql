-- name: Booking lead time by calendar month of the move
-- description: For moves in each calendar month (all years together), the median and 90th-percentile
--   days between booking and moving, and the share booked less than a week ahead. Answers "do summer
--   movers book further ahead?": a longer median in June–August means the peak is visible early and
--   crews can be hired in time; a high last-minute share in a month means that month needs standby
--   capacity.
-- category: Operational
-- tags: lead time, seasonality, booking, planning horizon
-- param: period daterange = 2019-01-01..2025-12-31 "Move dates"
-- param: branch branch = all "Branch"
-- chart: bar x=move_month y=median_lead_days,p90_lead_days
-- format: month_number=integer, opportunities=integer, median_lead_days=number, p90_lead_days=number, share_booked_under_7_days=percent
select extract(month from bo.move_date)::int as month_number,
       to_char(min(bo.move_date), 'Mon') as move_month,
       count(*) as opportunities,
       round(percentile_cont(0.5) within group (order by bo.move_date - bo.booked_at)::numeric, 1) as median_lead_days,
       round(percentile_cont(0.9) within group (order by bo.move_date - bo.booked_at)::numeric, 1) as p90_lead_days,
       round(avg((bo.move_date - bo.booked_at < 7)::int), 4) as share_booked_under_7_days
  from booked_opportunity bo
 where bo.booked_at is not null
   and bo.move_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or bo.branch_id = :branch)
 group by 1
 order by 1
