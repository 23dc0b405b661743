-- name: Reported sales figures against the CRM records
-- description: Month by month, the leads and bookings the sales report (sales_performance) claims next to
--   what the CRM holds: leads in the lead pool received that month and booked opportunities booked that
--   month with their estimated value. Differences of a lead or two are normal report drift; a month
--   where reported bookings or revenue exceed the CRM means credit claimed for deals that are not on
--   file, and a shortfall means a person or branch is missing from the report.
-- category: Sales Performance
-- tags: reconciliation, reporting, bookings, leads, audit
-- param: period daterange = 2019-01-01..2025-12-31 "Months"
-- param: branch branch = all "Branch"
-- chart: line x=month y=reported_bookings,crm_bookings
-- format: month=date, reported_leads=integer, crm_leads=integer, lead_difference=integer, reported_bookings=integer, crm_bookings=integer, booking_difference=integer, reported_revenue=currency, crm_booked_value=currency, revenue_difference=currency
with reported as (
  select date_trunc('month', s.period_start)::date as month,
         sum(s.leads_received) as reported_leads,
         sum(s.booked_count) as reported_bookings,
         sum(s.booked_revenue) as reported_revenue
    from sales_performance s
   where s.period_start between :period_from::date and :period_to::date
     and (:branch::bigint is null or s.branch_id = :branch)
   group by 1
), crm_leads as (
  select date_trunc('month', l.received_at)::date as month, count(*) as crm_leads
    from lead_status l
   where l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
     and (:branch::bigint is null or l.branch_id = :branch)
   group by 1
), crm_bookings as (
  select date_trunc('month', bo.booked_at)::date as month,
         count(*) as crm_bookings,
         sum(bo.estimated_amount) as crm_booked_value
    from booked_opportunity bo
   where bo.booked_at between :period_from::date and :period_to::date
     and (:branch::bigint is null or bo.branch_id = :branch)
   group by 1
)
select r.month,
       r.reported_leads,
       coalesce(l.crm_leads, 0) as crm_leads,
       r.reported_leads - coalesce(l.crm_leads, 0) as lead_difference,
       r.reported_bookings,
       coalesce(c.crm_bookings, 0) as crm_bookings,
       r.reported_bookings - coalesce(c.crm_bookings, 0) as booking_difference,
       r.reported_revenue,
       coalesce(c.crm_booked_value, 0) as crm_booked_value,
       r.reported_revenue - coalesce(c.crm_booked_value, 0) as revenue_difference
  from reported r
  left join crm_leads l on l.month = r.month
  left join crm_bookings c on c.month = r.month
 order by r.month
