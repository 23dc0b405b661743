-- name: Seasonality of interstate and local moves
-- description: Jobs per calendar month split into moves that stay in the state and moves that cross a
--   state line, each with a seasonal index (the month's jobs over the average month of that kind,
--   1.00 = average), and the interstate share per month. Read the two indexes together: if
--   interstate moves peak harder in summer than local ones, long-haul trucks and drivers are the
--   capacity to secure first.
-- category: Geographic
-- tags: interstate, seasonality, monthly, capacity
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: line x=month_name y=intrastate_index,interstate_index
-- format: month_number=integer, intrastate_jobs=integer, interstate_jobs=integer, interstate_share=percent, intrastate_index=number, interstate_index=number
with monthly as (
  select extract(month from j.job_date)::int as month_number,
         count(*) filter (where j.destination_state = j.origin_state) as intrastate_jobs,
         count(*) filter (where j.destination_state <> j.origin_state) as interstate_jobs
    from job j
   where j.status <> 'CANCELLED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
)
select month_number,
       to_char(make_date(2000, month_number, 1), 'Mon') as month_name,
       intrastate_jobs,
       interstate_jobs,
       round(interstate_jobs::numeric / nullif(intrastate_jobs + interstate_jobs, 0), 4) as interstate_share,
       round(intrastate_jobs / nullif(avg(intrastate_jobs) over (), 0), 3) as intrastate_index,
       round(interstate_jobs / nullif(avg(interstate_jobs) over (), 0), 3) as interstate_index
  from monthly
 order by month_number
