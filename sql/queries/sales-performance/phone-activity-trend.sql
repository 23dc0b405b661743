-- name: Phone activity trend by month
-- description: The phone system's weekly rows rolled up by the month the week starts in: calls in, calls
--   out, missed-call rate, talk hours, how many people were on the phones and calls per person per week.
--   Inbound calls follow lead volume (peak May–July); if calls per person per week climbs in the peak
--   while the missed-call rate rises too, the team needs seasonal help rather than coaching.
-- category: Sales Performance
-- tags: calls, trend, monthly, phone, staffing
-- param: period daterange = 2019-01-01..2025-12-31 "Weeks starting"
-- param: branch branch = all "Branch"
-- chart: line x=month y=calls_in,calls_out
-- format: month=date, people_on_phones=integer, calls_in=integer, calls_out=integer, missed_call_rate=percent, talk_hours=number, calls_per_person_week=number
select date_trunc('month', up.period_start)::date as month,
       count(distinct coalesce(up.sales_person_id::text, lower(up.raw_user_name))) as people_on_phones,
       coalesce(sum(up.calls_in), 0) as calls_in,
       coalesce(sum(up.calls_out), 0) as calls_out,
       round(sum(up.missed_calls)::numeric / nullif(sum(up.calls_in), 0), 4) as missed_call_rate,
       round(sum(up.talk_time_seconds) / 3600.0, 1) as talk_hours,
       round((coalesce(sum(up.calls_in), 0) + coalesce(sum(up.calls_out), 0))::numeric / count(*), 1) as calls_per_person_week
  from user_performance up
 where up.period_start between :period_from::date and :period_to::date
   and (:branch::bigint is null or up.branch_id = :branch)
 group by 1
 order by 1
