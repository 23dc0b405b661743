-- name: Stale open leads: the unworked backlog
-- description: Leads still New, Contacted or Quoted on the as-of date, by how long ago they arrived, with
--   how many are already past the move date they gave and the estimate still on the table. Anything
--   past its move date is dead and should be closed out as lost so the funnel reports stay honest;
--   the under-2-weeks rows are the live list the team should be calling today.
-- category: Lead Funnel
-- tags: open leads, backlog, follow-up, pipeline hygiene
-- param: as_of date = 2025-11-14 "As of (export day)"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: bar x=age_band y=new_leads,contacted_leads,quoted_leads
-- format: open_leads=integer, new_leads=integer, contacted_leads=integer, quoted_leads=integer, past_move_date=integer, estimated_value=currency
with open_leads as (
  select l.status, l.move_date, l.estimated_amount,
         :as_of::date - l.received_at::date as age_days
    from lead_status l
   where l.status in ('NEW', 'CONTACTED', 'QUOTED')
     and l.received_at < :as_of::date + 1
     and (:branch::bigint is null or l.branch_id = :branch)
     and (:lead_source::bigint is null or l.lead_source_id = :lead_source)
), banded as (
  select o.*,
         case when age_days < 3 then 1 when age_days < 7 then 2 when age_days < 14 then 3 when age_days < 30 then 4
              when age_days < 90 then 5 when age_days < 365 then 6 else 7 end as band
    from open_leads o
)
select (array['under 3 days', '3–6 days', '1–2 weeks', '2–4 weeks', '1–3 months', '3–12 months', 'over a year'])[band] as age_band,
       count(*) as open_leads,
       count(*) filter (where status = 'NEW') as new_leads,
       count(*) filter (where status = 'CONTACTED') as contacted_leads,
       count(*) filter (where status = 'QUOTED') as quoted_leads,
       count(*) filter (where move_date < :as_of::date) as past_move_date,
       coalesce(sum(estimated_amount), 0) as estimated_value
  from banded
 group by band
 order by band
