-- name: Forward schedule: jobs booked for the coming weeks
-- description: Jobs scheduled after the as-of date (status Booked or Pending) by week and branch, with
--   the crew members they call for and how many are still Pending (not confirmed). Use it on Monday
--   morning to see which branch runs short of crews in the weeks ahead; a high pending share close to
--   the date is the list to call. Set as_of to the export day of the data you loaded.
-- category: Operational
-- tags: schedule, forward book, crews, capacity
-- param: as_of date = 2025-11-14 "Schedule after (export day)"
-- param: weeks integer = 8 "Weeks ahead"
-- param: branch branch = all "Branch"
-- chart: bar x=week_start y=booked_jobs,pending_jobs
-- format: week_start=date, scheduled_jobs=integer, booked_jobs=integer, pending_jobs=integer, crew_members_needed=integer
select date_trunc('week', j.job_date)::date as week_start,
       coalesce(b.name, j.raw_branch, '(no branch)') as branch,
       count(*) as scheduled_jobs,
       count(*) filter (where j.status = 'BOOKED') as booked_jobs,
       count(*) filter (where j.status = 'PENDING') as pending_jobs,
       coalesce(sum(j.crew_size), 0) as crew_members_needed
  from job j
  left join branch b on b.branch_id = j.branch_id
 where j.status in ('BOOKED', 'PENDING')
   and j.job_date > :as_of::date
   and j.job_date <= :as_of::date + 7 * :weeks::int
   and (:branch::bigint is null or j.branch_id = :branch)
 group by 1, 2
 order by 1, scheduled_jobs desc, 2
