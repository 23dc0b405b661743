-- name: Bad-lead rate and reasons by lead source
-- description: For each lead source, the leads received, how many of them are marked bad (lead status
--   Bad), the bad rate, and from the bad-lead export the most common reason and the share that is spam
--   or duplicates. A paid source with a bad rate well above the company's is paying for junk — take
--   the top reason to the vendor; a high duplicate share points at forms that submit twice.
-- category: Lead Funnel
-- tags: bad leads, lead source, lead quality, spam, duplicates
-- param: period daterange = 2019-01-01..2025-12-31 "Received dates"
-- param: branch branch = all "Branch"
-- param: min_leads integer = 30 "Minimum leads per source"
-- chart: bar x=lead_source y=bad_rate
-- format: leads=integer, bad_status_leads=integer, bad_rate=percent, bad_lead_rows=integer, top_reason_share=percent, spam_share=percent, duplicate_share=percent
with leads as (
  select l.lead_source_id,
         count(*) as leads,
         count(*) filter (where l.status = 'BAD') as bad_status_leads
    from lead_status l
   where l.lead_source_id is not null
     and l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
     and (:branch::bigint is null or l.branch_id = :branch)
   group by 1
), reasons as (
  select bl.lead_source_id, coalesce(nullif(trim(bl.reason), ''), '(no reason)') as reason, count(*) as n,
         row_number() over (partition by bl.lead_source_id order by count(*) desc, coalesce(nullif(trim(bl.reason), ''), '(no reason)')) as rank_in_source
    from bad_lead bl
   where bl.lead_source_id is not null
     and bl.received_at >= :period_from::date
     and bl.received_at < :period_to::date + 1
     and (:branch::bigint is null or bl.branch_id = :branch)
   group by 1, 2
), reason_summary as (
  select lead_source_id,
         sum(n) as bad_lead_rows,
         max(reason) filter (where rank_in_source = 1) as top_reason,
         max(n) filter (where rank_in_source = 1) as top_n,
         coalesce(sum(n) filter (where reason in ('Spam', 'Test Lead')), 0) as spam_n,
         coalesce(sum(n) filter (where reason = 'Duplicate Lead'), 0) as duplicate_n
    from reasons
   group by lead_source_id
)
select s.name as lead_source,
       l.leads,
       l.bad_status_leads,
       round(l.bad_status_leads::numeric / l.leads, 4) as bad_rate,
       coalesce(r.bad_lead_rows, 0) as bad_lead_rows,
       r.top_reason,
       round(r.top_n / nullif(r.bad_lead_rows, 0), 4) as top_reason_share,
       round(r.spam_n / nullif(r.bad_lead_rows, 0), 4) as spam_share,
       round(r.duplicate_n / nullif(r.bad_lead_rows, 0), 4) as duplicate_share
  from leads l
  join lead_source s on s.lead_source_id = l.lead_source_id
  left join reason_summary r on r.lead_source_id = l.lead_source_id
 where l.leads >= :min_leads
 order by bad_rate desc
