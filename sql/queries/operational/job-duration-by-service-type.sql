-- name: Job duration percentiles by service type
-- description: The spread of billed hours for closed jobs of each service type: 10th, 25th, 50th, 75th
--   and 90th percentile, plus the share of jobs running past 10 hours (overtime risk for one crew day).
--   A wide p25–p75 band means the estimate for that service is unreliable and schedules need slack;
--   compare p90 with the slot length dispatch books for that service.
-- category: Operational
-- tags: hours, duration, percentiles, service type
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=service_type y=p25_hours,median_hours,p75_hours,p90_hours
-- format: closed_jobs=integer, p10_hours=number, p25_hours=number, median_hours=number, p75_hours=number, p90_hours=number, share_over_10_hours=percent
select coalesce(j.service_type, '(unknown)') as service_type,
       count(*) as closed_jobs,
       round(percentile_cont(0.10) within group (order by j.hours)::numeric, 2) as p10_hours,
       round(percentile_cont(0.25) within group (order by j.hours)::numeric, 2) as p25_hours,
       round(percentile_cont(0.50) within group (order by j.hours)::numeric, 2) as median_hours,
       round(percentile_cont(0.75) within group (order by j.hours)::numeric, 2) as p75_hours,
       round(percentile_cont(0.90) within group (order by j.hours)::numeric, 2) as p90_hours,
       round(avg((j.hours > 10)::int), 4) as share_over_10_hours
  from job j
 where j.status = 'CLOSED'
   and j.hours is not null
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch)
 group by 1
 order by median_hours desc
