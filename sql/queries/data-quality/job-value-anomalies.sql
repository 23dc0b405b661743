-- name: Jobs with impossible or suspicious values
-- description: One row per check on job values, with how many jobs fail it and a few job numbers to look
--   up: closed jobs without revenue, hours or crew; costs at or above revenue; cancelled jobs carrying
--   money; closed jobs dated after the export day and booked or pending jobs left in the past; local
--   moves with long-distance mileage; more than 24 billed hours on a non-long-distance job; a crew of
--   zero. A check with zero jobs passed; example_jobs lists the ten most recent failures. Set as_of to
--   the export day of the data.
-- category: Data Quality
-- tags: anomalies, validation, jobs, outliers, integrity
-- param: as_of date = 2025-11-14 "Export day"
-- chart: bar x=check_name y=jobs_failing
-- format: jobs_checked=integer, jobs_failing=integer, share_of_jobs_checked=percent
-- Counting needs every job once per check; the examples need only the failing ones, so the window
-- that picks the ten most recent runs over those alone, not over every (job, check) pair.
with evaluated as not materialized (
  select j.job_number, j.job_date, v.check_name, v.applies, v.fails
    from job j
   cross join lateral (values
     ('closed job without revenue', j.status = 'CLOSED', coalesce(j.revenue, 0) <= 0),
     ('closed job without hours or crew', j.status = 'CLOSED', j.hours is null or j.crew_size is null),
     ('closed job with costs at or above revenue', j.status = 'CLOSED' and j.revenue > 0,
        coalesce(j.labor_cost, 0) + coalesce(j.truck_cost, 0) + coalesce(j.materials_cost, 0) + coalesce(j.other_cost, 0) >= j.revenue),
     ('closed job with no cost recorded', j.status = 'CLOSED',
        j.labor_cost is null and j.truck_cost is null and j.materials_cost is null and j.other_cost is null),
     ('cancelled job with revenue or costs', j.status = 'CANCELLED',
        coalesce(j.revenue, 0) <> 0 or coalesce(j.labor_cost, 0) + coalesce(j.truck_cost, 0) + coalesce(j.materials_cost, 0) + coalesce(j.other_cost, 0) <> 0),
     ('closed job dated after the export day', j.status = 'CLOSED', j.job_date > :as_of::date),
     ('booked or pending job dated before the export day', j.status in ('BOOKED', 'PENDING'), j.job_date < :as_of::date),
     ('local move over 150 miles', j.service_type = 'Local Move', coalesce(j.distance_miles, 0) > 150),
     ('over 24 hours on a job that is not long distance', coalesce(j.service_type, '') <> 'Long Distance Move', coalesce(j.hours, 0) > 24),
     ('crew size of zero', true, j.crew_size = 0)) as v(check_name, applies, fails)
)
, counts as (
  select check_name,
         count(*) filter (where applies) as jobs_checked,
         count(*) filter (where applies and fails) as jobs_failing
    from evaluated
   group by check_name
), examples as (
  select check_name, string_agg(job_number, ', ' order by job_date desc, job_number) as example_jobs
    from (select check_name, job_number, job_date,
                 row_number() over (partition by check_name order by job_date desc, job_number) as recent_rank
            from evaluated
           where applies and fails) failing
   where recent_rank <= 10
   group by check_name
)
select c.check_name,
       c.jobs_checked,
       c.jobs_failing,
       round(c.jobs_failing::numeric / nullif(c.jobs_checked, 0), 4) as share_of_jobs_checked,
       e.example_jobs
  from counts c
  left join examples e using (check_name)
 order by c.jobs_failing desc, c.check_name
