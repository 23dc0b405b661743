-- name: Cancellation risk by how far ahead the move was booked
-- description: Jobs grouped by booking lead time (days from the opportunity's booked date to the job
--   date), with the share cancelled and postponed in each band. Answers "are last-minute bookings or
--   far-ahead bookings the ones that fall through?": a rate that climbs with lead time argues for a
--   deposit or a reconfirmation call on early bookings. Only jobs linked to an opportunity count.
-- category: Operational
-- tags: cancellations, postponements, lead time, booking
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=lead_time_band y=cancellation_rate,postponement_rate
-- format: jobs=integer, cancelled_jobs=integer, postponed_jobs=integer, cancellation_rate=percent, postponement_rate=percent, avg_lead_days=number
with timed as (
  select j.status, j.job_date - bo.booked_at as lead_days
    from job j
    join booked_opportunity bo on bo.booked_opportunity_id = j.booked_opportunity_id
   where bo.booked_at is not null
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
), banded as (
  select t.*,
         case when lead_days < 7 then 1 when lead_days < 14 then 2 when lead_days < 28 then 3
              when lead_days < 42 then 4 when lead_days < 56 then 5 else 6 end as band
    from timed t
)
select (array['under 1 week', '1–2 weeks', '2–4 weeks', '4–6 weeks', '6–8 weeks', '8 weeks or more'])[band] as lead_time_band,
       count(*) as jobs,
       count(*) filter (where status = 'CANCELLED') as cancelled_jobs,
       count(*) filter (where status = 'POSTPONED') as postponed_jobs,
       round(avg((status = 'CANCELLED')::int), 4) as cancellation_rate,
       round(avg((status = 'POSTPONED')::int), 4) as postponement_rate,
       round(avg(lead_days), 1) as avg_lead_days
  from banded
 group by band
 order by band
