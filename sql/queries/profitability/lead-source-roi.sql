-- name: Lead source ROI: revenue and margin per lead and per booked job
-- description: What a lead from each source is worth. Leads are the lead pool rows received in the
--   period; booked jobs are those leads that became a booked opportunity; revenue and gross margin
--   (revenue minus labour, truck, materials and other cost) come from closed jobs dated in the period.
--   margin_per_lead is the most a source can cost per lead and still break even — compare it with what
--   you pay the source; margin_per_booked_job shows whether a source brings big or small moves.
--   Rows without a lead source are left out (jobs miss it more often than leads, which would skew them).
-- category: Profitability
-- tags: roi, lead source, margin, revenue per lead, marketing
-- param: period daterange = 2019-01-01..2025-12-31 "Lead and job dates"
-- param: branch branch = all "Branch"
-- param: min_leads integer = 20 "Minimum leads per source"
-- chart: bar x=lead_source y=margin_per_lead,revenue_per_lead
-- format: leads=integer, booked_leads=integer, booking_rate=percent, closed_jobs=integer, closed_revenue=currency, gross_margin=currency, revenue_per_lead=currency, margin_per_lead=currency, margin_per_booked_job=currency, gross_margin_pct=percent
with leads as (
  select l.lead_source_id,
         count(*) as leads,
         count(l.booked_opportunity_id) as booked_leads
    from lead_status l
   where l.lead_source_id is not null
     and l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
     and (:branch::bigint is null or l.branch_id = :branch)
   group by 1
), jobs as (
  select j.lead_source_id,
         count(*) as closed_jobs,
         sum(j.revenue) as closed_revenue,
         sum(j.revenue - coalesce(j.labor_cost, 0) - coalesce(j.truck_cost, 0) - coalesce(j.materials_cost, 0) - coalesce(j.other_cost, 0)) as gross_margin
    from job j
   where j.status = 'CLOSED'
     and j.lead_source_id is not null
     and j.revenue is not null
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
   group by 1
)
select s.name as lead_source,
       l.leads,
       l.booked_leads,
       round(l.booked_leads::numeric / nullif(l.leads, 0), 4) as booking_rate,
       coalesce(j.closed_jobs, 0) as closed_jobs,
       coalesce(j.closed_revenue, 0) as closed_revenue,
       coalesce(j.gross_margin, 0) as gross_margin,
       round(coalesce(j.closed_revenue, 0) / nullif(l.leads, 0), 2) as revenue_per_lead,
       round(coalesce(j.gross_margin, 0) / nullif(l.leads, 0), 2) as margin_per_lead,
       round(j.gross_margin / nullif(l.booked_leads, 0), 2) as margin_per_booked_job,
       round(j.gross_margin / nullif(j.closed_revenue, 0), 4) as gross_margin_pct
  from leads l
  left join jobs j on j.lead_source_id = l.lead_source_id
  join lead_source s on s.lead_source_id = l.lead_source_id
 where l.leads >= :min_leads
 order by margin_per_lead desc nulls last
