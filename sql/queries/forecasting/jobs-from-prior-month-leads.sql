-- name: Closed jobs predicted from last month's leads
-- description: Leads arrive weeks before the move, so last month's valid leads (bad leads excluded)
--   are a leading indicator of this month's jobs. Fits closed jobs on the previous month's leads by
--   least squares and shows, month by month, the leads, the actual jobs and the fitted jobs, plus one
--   final row predicting the month after the fit period from its last month of leads. Read the slope
--   as jobs per extra lead and R-squared as how well lead volume explains job volume.
-- category: Forecasting
-- tags: leading indicator, leads, regression, jobs forecast
-- param: fit_period daterange = 2019-02-01..2025-10-31 "Job months to fit"
-- param: branch branch = all "Branch"
-- chart: line x=month y=actual_jobs,fitted_jobs
-- format: month=date, leads_prior_month=integer, actual_jobs=integer, fitted_jobs=number, jobs_per_lead=number, r_squared=number
with leads as (
  select date_trunc('month', l.received_at)::date as month, count(*) as leads
    from lead_status l
   where l.status <> 'BAD'
     and (:branch::bigint is null or l.branch_id = :branch::bigint)
   group by 1
),
jobs as (
  select date_trunc('month', j.job_date)::date as month, count(*) as jobs
    from job j
   where j.status = 'CLOSED'
     and j.job_date between :fit_period_from::date and :fit_period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
),
paired as (
  select j.month, l.leads as leads_prior_month, j.jobs as actual_jobs
    from jobs j
    join leads l on l.month = (j.month - interval '1 month')::date
),
fit as (
  select regr_slope(actual_jobs, leads_prior_month) as slope,
         regr_intercept(actual_jobs, leads_prior_month) as intercept,
         regr_r2(actual_jobs, leads_prior_month) as r2,
         max(month) as last_month
    from paired
),
rows_out as (
  select month, leads_prior_month, actual_jobs from paired
  union all
  select (f.last_month + interval '1 month')::date, l.leads, null
    from fit f
    join leads l on l.month = f.last_month
)
select r.month,
       r.leads_prior_month,
       r.actual_jobs,
       round((f.intercept + f.slope * r.leads_prior_month)::numeric, 1) as fitted_jobs,
       round(f.slope::numeric, 3) as jobs_per_lead,
       round(f.r2::numeric, 3) as r_squared
  from rows_out r
 cross join fit f
 order by r.month
