-- name: Crew-hour demand by month
-- description: Labour actually delivered each month on closed jobs: crew hours (crew size × hours),
--   the equivalent number of 8-hour crew-member days, and crew hours per job. Use it for headcount
--   planning: crew_member_days in the peak month divided by working days gives the movers needed on an
--   average peak day; a rising crew_hours_per_job means bigger or longer jobs, not just more of them.
-- category: Operational
-- tags: crew hours, labour, staffing, monthly
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: line x=month y=crew_hours
-- format: month=date, closed_jobs=integer, crew_hours=number, crew_member_days=number, crew_hours_per_job=number, avg_crew_size=number
select date_trunc('month', j.job_date)::date as month,
       count(*) as closed_jobs,
       round(sum(j.crew_size * j.hours), 1) as crew_hours,
       round(sum(j.crew_size * j.hours) / 8, 1) as crew_member_days,
       round(avg(j.crew_size * j.hours), 1) as crew_hours_per_job,
       round(avg(j.crew_size), 2) as avg_crew_size
  from job j
 where j.status = 'CLOSED'
   and j.crew_size is not null
   and j.hours is not null
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch)
 group by 1
 order by 1
