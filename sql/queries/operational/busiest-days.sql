-- name: Record days: the busiest single dates
-- description: The dates with the most crew jobs (Closed, Booked, Pending) across the company, with how
--   many branches were working, the crew members dispatched and the crew hours billed on closed jobs.
--   Use it to see what a record day looks like (month ends in June–August, often a Saturday) and to
--   check that branches_working is high: a record day carried by one branch is a local crunch, not a
--   company-wide one.
-- category: Operational
-- tags: peak, busiest days, capacity, crews
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: top_n integer = 25 "Number of days"
-- chart: bar x=job_date y=jobs
-- format: job_date=date, jobs=integer, branches_working=integer, crew_members=integer, crew_hours_closed=number, days_to_month_end=integer
select j.job_date,
       to_char(j.job_date, 'Dy') as weekday,
       count(*) as jobs,
       count(distinct j.branch_id) as branches_working,
       coalesce(sum(j.crew_size), 0) as crew_members,
       round(coalesce(sum(j.crew_size * j.hours) filter (where j.status = 'CLOSED'), 0), 1) as crew_hours_closed,
       (date_trunc('month', j.job_date) + interval '1 month' - interval '1 day')::date - j.job_date as days_to_month_end
  from job j
 where j.status in ('CLOSED', 'BOOKED', 'PENDING')
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch)
 group by j.job_date
 order by jobs desc, j.job_date desc
 limit :top_n
