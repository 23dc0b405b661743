-- name: Phone effort per lead by branch
-- description: How hard each branch works its leads: outbound calls and talk minutes per lead received,
--   inbound calls per lead and quotes per lead, with phone figures from user_performance and leads and
--   quotes from sales_performance over the same period. A branch making far fewer outbound calls per
--   lead than the others, with a lower quote rate, is not following up; more calls with no more quotes
--   means the calls are not converting into quotes.
-- category: Sales Performance
-- tags: follow-up, calls per lead, branch, effort
-- param: period daterange = 2019-01-01..2025-12-31 "Periods starting"
-- chart: bar x=branch y=outbound_calls_per_lead,inbound_calls_per_lead
-- format: leads_received=integer, calls_out=integer, outbound_calls_per_lead=number, inbound_calls_per_lead=number, talk_minutes_per_lead=number, quotes_per_lead=number
with phone as (
  select up.branch_id,
         sum(up.calls_in) as calls_in,
         sum(up.calls_out) as calls_out,
         sum(up.talk_time_seconds) as talk_seconds
    from user_performance up
   where up.period_start between :period_from::date and :period_to::date
   group by 1
), crm as (
  select s.branch_id,
         sum(s.leads_received) as leads_received,
         sum(s.quotes_sent) as quotes_sent
    from sales_performance s
   where s.period_start between :period_from::date and :period_to::date
   group by 1
)
select coalesce(b.name, '(no branch)') as branch,
       c.leads_received,
       coalesce(p.calls_out, 0) as calls_out,
       round(p.calls_out::numeric / nullif(c.leads_received, 0), 2) as outbound_calls_per_lead,
       round(p.calls_in::numeric / nullif(c.leads_received, 0), 2) as inbound_calls_per_lead,
       round(p.talk_seconds / 60.0 / nullif(c.leads_received, 0), 1) as talk_minutes_per_lead,
       round(c.quotes_sent::numeric / nullif(c.leads_received, 0), 2) as quotes_per_lead
  from crm c
  join phone p on p.branch_id = c.branch_id
  left join branch b on b.branch_id = c.branch_id
 order by c.leads_received desc
