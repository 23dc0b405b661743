-- name: Lost-reason profile of each lead source
-- description: For each lead source, how many quotes were lost (lost_lead), lost quotes per 100 leads
--   received, the most frequent reason and its share, and the share lost on price and to a competitor.
--   A source whose losses are mostly "Price Too High" attracts price shoppers (comparison sites); one
--   dominated by "No Response" sends low-intent leads. Sources below min_lost are hidden.
-- category: Lead Funnel
-- tags: lost leads, lead source, reasons, price
-- param: period daterange = 2019-01-01..2025-12-31 "Lost and received dates"
-- param: branch branch = all "Branch"
-- param: min_lost integer = 20 "Minimum lost quotes per source"
-- chart: bar x=lead_source y=price_share,competitor_share,top_reason_share
-- format: lost_leads=integer, leads=integer, lost_per_100_leads=number, top_reason_share=percent, price_share=percent, competitor_share=percent
with lost as (
  select ll.lead_source_id, coalesce(nullif(trim(ll.reason), ''), '(no reason)') as reason
    from lost_lead ll
   where ll.lead_source_id is not null
     and ll.lost_at between :period_from::date and :period_to::date
     and (:branch::bigint is null or ll.branch_id = :branch)
), by_reason as (
  select lead_source_id, reason, count(*) as n,
         row_number() over (partition by lead_source_id order by count(*) desc, reason) as rank_in_source
    from lost
   group by 1, 2
), leads as (
  select l.lead_source_id, count(*) as leads
    from lead_status l
   where l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
     and (:branch::bigint is null or l.branch_id = :branch)
   group by 1
)
select s.name as lead_source,
       sum(r.n) as lost_leads,
       coalesce(max(l.leads), 0) as leads,
       round(100 * sum(r.n) / nullif(max(l.leads), 0), 1) as lost_per_100_leads,
       max(r.reason) filter (where r.rank_in_source = 1) as top_reason,
       round(max(r.n) filter (where r.rank_in_source = 1) / sum(r.n), 4) as top_reason_share,
       round(coalesce(sum(r.n) filter (where r.reason = 'Price Too High'), 0) / sum(r.n), 4) as price_share,
       round(coalesce(sum(r.n) filter (where r.reason in ('Went With Competitor', 'Booked Elsewhere')), 0) / sum(r.n), 4) as competitor_share
  from by_reason r
  join lead_source s on s.lead_source_id = r.lead_source_id
  left join leads l on l.lead_source_id = r.lead_source_id
 group by r.lead_source_id, s.name
having sum(r.n) >= :min_lost
 order by lost_leads desc
