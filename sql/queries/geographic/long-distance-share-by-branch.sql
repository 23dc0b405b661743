-- name: Long-distance share and reach by branch
-- description: For each branch: jobs, the share of jobs and of closed revenue that are long distance
--   (more miles than the threshold), and the median, 90th percentile and longest distance driven.
--   Read it to compare how far each branch reaches: a branch with a high long-distance revenue share
--   depends on a few long hauls and needs the trucks and drivers for them.
-- category: Geographic
-- tags: long distance, branch, distance, reach
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: long_distance_miles integer = 450 "Miles above which a move is long distance"
-- param: min_jobs integer = 20 "Minimum jobs per branch"
-- chart: bar x=branch y=long_distance_job_share,long_distance_revenue_share
-- format: jobs=integer, long_distance_jobs=integer, long_distance_job_share=percent, long_distance_revenue_share=percent, median_miles=number, p90_miles=number, max_miles=number
select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
       count(*) as jobs,
       count(*) filter (where j.distance_miles > :long_distance_miles::int) as long_distance_jobs,
       round(count(*) filter (where j.distance_miles > :long_distance_miles::int)::numeric / count(*), 4) as long_distance_job_share,
       round(coalesce(sum(j.revenue) filter (where j.status = 'CLOSED' and j.distance_miles > :long_distance_miles::int), 0)
             / nullif(sum(j.revenue) filter (where j.status = 'CLOSED'), 0), 4) as long_distance_revenue_share,
       round(percentile_cont(0.5) within group (order by j.distance_miles)::numeric, 1) as median_miles,
       round(percentile_cont(0.9) within group (order by j.distance_miles)::numeric, 1) as p90_miles,
       max(j.distance_miles) as max_miles
  from job j
  left join branch b on b.branch_id = j.branch_id
 where j.status <> 'CANCELLED'
   and j.job_date between :period_from::date and :period_to::date
 group by 1
having count(*) >= :min_jobs::int
 order by long_distance_job_share desc
