-- name: Daily job load by branch against its peak day
-- description: For each branch, how many crews go out on a typical working day compared with its
--   busiest day. Counts jobs that use a crew (Closed, Booked and Pending; cancelled and postponed jobs
--   are left out) per calendar day with at least one job. Read avg_to_peak_ratio as headroom: a
--   branch at 0.30 averages under a third of what it proved it can run on its peak day, so its fleet
--   and crews are sized for peaks; p90_jobs_per_day is the load to staff for on a busy, not record, day.
-- category: Operational
-- tags: capacity, crews, scheduling, peak, branch
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=branch y=avg_jobs_per_day,p90_jobs_per_day,peak_jobs_per_day
-- format: working_days=integer, jobs=integer, avg_jobs_per_day=number, p90_jobs_per_day=number, peak_jobs_per_day=integer, peak_day=date, avg_to_peak_ratio=percent
with daily as (
  select j.branch_id, j.job_date, count(*) as jobs
    from job j
   where j.status in ('CLOSED', 'BOOKED', 'PENDING')
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
   group by j.branch_id, j.job_date
)
select coalesce(b.name, '(no branch)') as branch,
       count(*) as working_days,
       sum(d.jobs) as jobs,
       round(avg(d.jobs), 2) as avg_jobs_per_day,
       round(percentile_cont(0.9) within group (order by d.jobs)::numeric, 1) as p90_jobs_per_day,
       max(d.jobs) as peak_jobs_per_day,
       (array_agg(d.job_date order by d.jobs desc, d.job_date desc))[1] as peak_day,
       round(avg(d.jobs) / max(d.jobs), 4) as avg_to_peak_ratio
  from daily d
  left join branch b on b.branch_id = d.branch_id
 group by d.branch_id, b.name
 order by jobs desc
