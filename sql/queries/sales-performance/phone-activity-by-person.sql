-- name: Phone activity per person
-- description: Telephony totals per person from the phone system (user_performance): calls in and out,
--   missed calls and the missed-call rate (missed ÷ calls in), talk hours, average talk minutes per
--   answered or outbound call and calls per reported week. Low calls_out with a normal inbound load
--   means leads are waiting rather than being chased; long talk time per call with few bookings is a
--   coaching conversation. The name is the canonical sales person once performance linkage has run,
--   else the phone system's spelling, so one person may show under more than one spelling until then.
-- category: Sales Performance
-- tags: calls, missed calls, talk time, phone, per person
-- param: period daterange = 2019-01-01..2025-12-31 "Weeks starting"
-- param: branch branch = all "Branch"
-- param: sales_person sales_person = all "Sales person"
-- param: min_weeks integer = 4 "Minimum weeks reported"
-- chart: bar x=sales_person y=calls_in,calls_out,missed_calls
-- format: weeks_reported=integer, calls_in=integer, calls_out=integer, missed_calls=integer, missed_call_rate=percent, talk_hours=number, avg_talk_minutes_per_call=number, calls_per_week=number
select coalesce(sp.full_name, up.raw_user_name) as sales_person,
       mode() within group (order by coalesce(b.name, up.raw_branch)) as branch,
       count(*) as weeks_reported,
       coalesce(sum(up.calls_in), 0) as calls_in,
       coalesce(sum(up.calls_out), 0) as calls_out,
       coalesce(sum(up.missed_calls), 0) as missed_calls,
       round(sum(up.missed_calls)::numeric / nullif(sum(up.calls_in), 0), 4) as missed_call_rate,
       round(sum(up.talk_time_seconds) / 3600.0, 1) as talk_hours,
       round(sum(up.talk_time_seconds) / 60.0 / nullif(sum(up.calls_in - up.missed_calls + up.calls_out), 0), 1) as avg_talk_minutes_per_call,
       round((coalesce(sum(up.calls_in), 0) + coalesce(sum(up.calls_out), 0))::numeric / count(*), 1) as calls_per_week
  from user_performance up
  left join sales_person sp on sp.sales_person_id = up.sales_person_id
  left join branch b on b.branch_id = up.branch_id
 where up.period_start between :period_from::date and :period_to::date
   and (:branch::bigint is null or up.branch_id = :branch)
   and (:sales_person::bigint is null or up.sales_person_id = :sales_person)
 group by up.sales_person_id, coalesce(sp.full_name, up.raw_user_name)
having count(*) >= :min_weeks
 order by coalesce(sum(up.calls_in), 0) + coalesce(sum(up.calls_out), 0) desc
