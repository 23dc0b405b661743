-- name: Cancellations and postponements by month
-- description: Each month's jobs by their date, with how many were cancelled or postponed and the rate
--   of each. A cancellation rate that rises in the peak months means customers booked us as a backup
--   or could not get the date; a postponement spike points at crews or trucks that were not available
--   or at customers whose closing dates slipped. Jobs still Booked or Pending (after the export day)
--   count in jobs but cannot yet be either.
-- category: Operational
-- tags: cancellations, postponements, trend, monthly
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: lead_source lead_source = all "Lead source"
-- chart: line x=month y=cancellation_rate,postponement_rate
-- format: month=date, jobs=integer, cancelled_jobs=integer, postponed_jobs=integer, cancellation_rate=percent, postponement_rate=percent
select date_trunc('month', j.job_date)::date as month,
       count(*) as jobs,
       count(*) filter (where j.status = 'CANCELLED') as cancelled_jobs,
       count(*) filter (where j.status = 'POSTPONED') as postponed_jobs,
       round(avg((j.status = 'CANCELLED')::int), 4) as cancellation_rate,
       round(avg((j.status = 'POSTPONED')::int), 4) as postponement_rate
  from job j
 where j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch)
   and (:lead_source::bigint is null or j.lead_source_id = :lead_source)
 group by 1
 order by 1
