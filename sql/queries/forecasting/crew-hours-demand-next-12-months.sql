-- name: Crew-hour demand for the next 12 months
-- description: Projects jobs and crew hours (crew size times hours) for each of the 12 months after
--   the as-of month: the average month of the trailing 12 months, multiplied by that calendar month's
--   seasonal index for jobs from the last three complete years, with crew hours per job taken from
--   the trailing year. Read the crew-hours column to plan hiring and seasonal staff; the peak months
--   show how many extra hours the summer needs compared with winter.
-- category: Forecasting
-- tags: staffing, crew hours, capacity, seasonality, forecast
-- param: as_of date = 2025-10-31 "Last complete month (its last day)"
-- param: branch branch = all "Branch"
-- chart: bar x=month y=projected_crew_hours
-- format: month=date, seasonal_index=number, projected_jobs=number, crew_hours_per_job=number, projected_crew_hours=number
with closed as (
  select j.job_date,
         j.crew_size * j.hours as crew_hours
    from job j
   where j.status = 'CLOSED'
     and j.job_date <= :as_of::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
),
trailing_year as (
  select count(*) / 12.0 as avg_monthly_jobs,
         avg(crew_hours) as crew_hours_per_job
    from closed
   where job_date > :as_of::date - interval '12 months'
),
monthly as (
  select extract(year from job_date)::int as job_year,
         extract(month from job_date)::int as month_number,
         count(*) as jobs
    from closed
   where extract(year from job_date) between extract(year from :as_of::date) - 3 and extract(year from :as_of::date) - 1
   group by 1, 2
),
season as (
  select month_number, avg(jobs / yearly_avg) as seasonal_index
    from (select *, avg(jobs) over (partition by job_year) as yearly_avg from monthly) m
   group by month_number
)
select (date_trunc('month', :as_of::date) + make_interval(months => g))::date as month,
       round(s.seasonal_index, 3) as seasonal_index,
       round(t.avg_monthly_jobs * s.seasonal_index, 1) as projected_jobs,
       round(t.crew_hours_per_job, 1) as crew_hours_per_job,
       round(t.avg_monthly_jobs * s.seasonal_index * t.crew_hours_per_job, 0) as projected_crew_hours
  from generate_series(1, 12) as g
 cross join trailing_year t
  join season s on s.month_number = extract(month from date_trunc('month', :as_of::date) + make_interval(months => g))::int
 order by 1
