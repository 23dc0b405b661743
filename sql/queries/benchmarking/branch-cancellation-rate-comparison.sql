-- name: Branch cancellation and postponement rates
-- description: Of the jobs each branch scheduled, the share cancelled and the share postponed, next
--   to the company rates, with the revenue lost to cancellations estimated from the booked
--   opportunity's estimate. Read the cancellation rate against the company's: a branch well above
--   it loses crews' days and should look at deposits or confirmation calls.
-- category: Benchmarking
-- tags: branch, cancellations, postponements, reliability
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: min_jobs integer = 20 "Minimum scheduled jobs per branch"
-- chart: bar x=branch y=cancellation_rate,company_cancellation_rate
-- format: scheduled_jobs=integer, cancelled_jobs=integer, postponed_jobs=integer, cancellation_rate=percent, postponement_rate=percent, company_cancellation_rate=percent, cancelled_estimate=currency
with per_branch as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         count(*) as scheduled_jobs,
         count(*) filter (where j.status = 'CANCELLED') as cancelled_jobs,
         count(*) filter (where j.status = 'POSTPONED') as postponed_jobs,
         coalesce(sum(o.estimated_amount) filter (where j.status = 'CANCELLED'), 0) as cancelled_estimate
    from job j
    left join branch b on b.branch_id = j.branch_id
    left join booked_opportunity o on o.booked_opportunity_id = j.booked_opportunity_id
   where j.job_date between :period_from::date and :period_to::date
   group by 1
)
select branch,
       scheduled_jobs,
       cancelled_jobs,
       postponed_jobs,
       round(cancelled_jobs::numeric / scheduled_jobs, 4) as cancellation_rate,
       round(postponed_jobs::numeric / scheduled_jobs, 4) as postponement_rate,
       round((select sum(cancelled_jobs)::numeric / sum(scheduled_jobs) from per_branch), 4) as company_cancellation_rate,
       cancelled_estimate
  from per_branch
 where scheduled_jobs >= :min_jobs::int
 order by cancellation_rate desc
