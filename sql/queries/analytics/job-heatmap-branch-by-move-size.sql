-- name: Job heatmap: branch by move size
-- description: For every branch and move size, the closed jobs and the share of the branch's jobs
--   that size makes up, next to the company's share for the same size, in long format for a
--   heatmap. Read across a branch for its customer profile: a branch heavy on studios and 1-bedroom
--   apartments serves renters and needs small crews; one heavy on 4-5 bedroom homes needs big trucks.
--   The share gap (branch minus company, in points) shows where a branch differs.
-- category: Analytics
-- tags: heatmap, branch, move size, segmentation
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: min_jobs integer = 50 "Minimum closed jobs per branch"
-- chart: bar x=move_size y=branch_share
-- format: closed_jobs=integer, branch_share=percent, company_share=percent, share_gap_points=number
with closed as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         coalesce(nullif(trim(j.move_size), ''), '(unknown)') as move_size
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
),
cells as (
  select branch, move_size, count(*) as closed_jobs,
         sum(count(*)) over (partition by branch) as branch_jobs,
         sum(count(*)) over (partition by move_size) as size_jobs,
         sum(count(*)) over () as all_jobs
    from closed
   group by branch, move_size
)
select branch,
       move_size,
       closed_jobs,
       round(closed_jobs / branch_jobs, 4) as branch_share,
       round(size_jobs / all_jobs, 4) as company_share,
       round((closed_jobs / branch_jobs - size_jobs / all_jobs) * 100, 1) as share_gap_points
  from cells
 where branch_jobs >= :min_jobs::int
 order by branch, move_size
