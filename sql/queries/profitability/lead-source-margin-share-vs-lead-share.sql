-- name: Which lead sources punch above their weight
-- description: Each source's share of all leads next to its share of all gross margin on closed jobs,
--   and the ratio of the two (efficiency_index). An index above 1 means the source delivers more profit
--   than its lead volume suggests (referrals, repeat customers); below 1 means many leads but little
--   margin — cheap volume that keeps the sales team busy. Sorted by margin share; leads and jobs
--   without a lead source are left out of both totals.
-- category: Profitability
-- tags: lead source, margin share, marketing mix, efficiency
-- param: period daterange = 2019-01-01..2025-12-31 "Lead and job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=lead_source y=share_of_leads,share_of_gross_margin
-- format: leads=integer, gross_margin=currency, share_of_leads=percent, share_of_gross_margin=percent, efficiency_index=number
with leads as (
  select l.lead_source_id, count(*) as leads
    from lead_status l
   where l.lead_source_id is not null
     and l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
     and (:branch::bigint is null or l.branch_id = :branch)
   group by 1
), margin as (
  select j.lead_source_id,
         sum(j.revenue - coalesce(j.labor_cost, 0) - coalesce(j.truck_cost, 0) - coalesce(j.materials_cost, 0) - coalesce(j.other_cost, 0)) as gross_margin
    from job j
   where j.status = 'CLOSED'
     and j.lead_source_id is not null
     and j.revenue is not null
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
   group by 1
), joined as (
  select coalesce(l.lead_source_id, m.lead_source_id) as lead_source_id,
         coalesce(l.leads, 0) as leads,
         coalesce(m.gross_margin, 0) as gross_margin
    from leads l
    full join margin m on m.lead_source_id = l.lead_source_id
)
select s.name as lead_source,
       x.leads,
       x.gross_margin,
       round(x.leads::numeric / nullif(sum(x.leads) over (), 0), 4) as share_of_leads,
       round(x.gross_margin / nullif(sum(x.gross_margin) over (), 0), 4) as share_of_gross_margin,
       round((x.gross_margin / nullif(sum(x.gross_margin) over (), 0))
             / nullif(x.leads::numeric / nullif(sum(x.leads) over (), 0), 0), 2) as efficiency_index
  from joined x
  join lead_source s on s.lead_source_id = x.lead_source_id
 order by share_of_gross_margin desc nulls last
