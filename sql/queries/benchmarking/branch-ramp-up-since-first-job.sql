-- name: Branch ramp-up from its first month
-- description: Lines the branches up by age instead of calendar: closed jobs and revenue in each
--   month counted from the branch's first job (month 1 = the month of its first job), with the
--   cumulative revenue, in long format (branch, month number, values). Read the newer branches
--   (Nashville from 2021, Colorado Springs from 2023) against the established ones at the same age
--   to judge whether a new office is ramping up on plan; for the older branches month 1 is simply the
--   start of the data.
-- category: Benchmarking
-- tags: branch, ramp-up, new branch, growth
-- param: max_months integer = 36 "Months since the first job to show"
-- param: min_jobs integer = 50 "Minimum closed jobs per branch"
-- chart: line x=months_since_first_job y=cumulative_revenue
-- format: months_since_first_job=integer, first_month=date, closed_jobs=integer, closed_revenue=currency, cumulative_revenue=currency
with closed as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         date_trunc('month', j.job_date)::date as month,
         j.revenue
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.status = 'CLOSED'
),
branches as (
  select branch, min(month) as first_month
    from closed
   group by branch
  having count(*) >= :min_jobs::int
),
monthly as (
  select c.branch,
         b.first_month,
         ((extract(year from c.month) - extract(year from b.first_month)) * 12
           + extract(month from c.month) - extract(month from b.first_month))::int + 1 as months_since_first_job,
         count(*) as closed_jobs,
         coalesce(sum(c.revenue), 0) as closed_revenue
    from closed c
    join branches b using (branch)
   group by 1, 2, 3
)
select branch,
       months_since_first_job,
       first_month,
       closed_jobs,
       closed_revenue,
       sum(closed_revenue) over (partition by branch order by months_since_first_job) as cumulative_revenue
  from monthly
 where months_since_first_job <= :max_months::int
 order by branch, months_since_first_job
