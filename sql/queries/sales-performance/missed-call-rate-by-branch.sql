-- name: Missed-call rate by branch, and how often it spikes
-- description: Inbound calls and missed calls per branch from the phone system, the overall missed-call
--   rate, the worst single week, and the share of weeks in which the branch missed more than the
--   threshold. A branch with an acceptable average but many weeks over the threshold is short-staffed
--   at peaks — each missed call is a lead that may ring the next mover on the list.
-- category: Sales Performance
-- tags: missed calls, phone, branch, staffing, service level
-- param: period daterange = 2019-01-01..2025-12-31 "Weeks starting"
-- param: threshold number = 0.1 "Missed-call rate that counts as a bad week"
-- chart: bar x=branch y=missed_call_rate,share_of_weeks_over_threshold
-- format: weeks=integer, calls_in=integer, missed_calls=integer, missed_call_rate=percent, worst_week_rate=percent, worst_week_start=date, share_of_weeks_over_threshold=percent
with weekly as (
  select up.branch_id, up.period_start,
         sum(up.calls_in) as calls_in,
         sum(up.missed_calls) as missed_calls,
         sum(up.missed_calls)::numeric / nullif(sum(up.calls_in), 0) as missed_rate
    from user_performance up
   where up.period_start between :period_from::date and :period_to::date
   group by up.branch_id, up.period_start
)
select coalesce(b.name, '(no branch)') as branch,
       count(*) as weeks,
       coalesce(sum(w.calls_in), 0) as calls_in,
       coalesce(sum(w.missed_calls), 0) as missed_calls,
       round(sum(w.missed_calls)::numeric / nullif(sum(w.calls_in), 0), 4) as missed_call_rate,
       round(max(w.missed_rate), 4) as worst_week_rate,
       (array_agg(w.period_start order by w.missed_rate desc nulls last, w.period_start desc))[1] as worst_week_start,
       round(avg((coalesce(w.missed_rate, 0) > :threshold::numeric)::int), 4) as share_of_weeks_over_threshold
  from weekly w
  left join branch b on b.branch_id = w.branch_id
 group by w.branch_id, b.name
 order by calls_in desc
