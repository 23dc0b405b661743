-- name: Branch ticket percentiles
-- description: The distribution of closed-job revenue in each branch: 10th, 25th, 50th (median),
--   75th and 90th percentile ticket, next to the company median. Read the spread, not only the median;
--   a wide 25th-75th band means the branch does both small local jobs and large hauls, and a
--   median far from the average is a sign of a few very large jobs.
-- category: Benchmarking
-- tags: branch, percentiles, average ticket, distribution
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: min_jobs integer = 20 "Minimum closed jobs per branch"
-- chart: bar x=branch y=p25_ticket,median_ticket,p75_ticket
-- format: closed_jobs=integer, p10_ticket=currency, p25_ticket=currency, median_ticket=currency, p75_ticket=currency, p90_ticket=currency, avg_ticket=currency, company_median_ticket=currency
with closed as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         j.revenue::float8 as revenue
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.status = 'CLOSED'
     and j.revenue is not null
     and j.job_date between :period_from::date and :period_to::date
)
select c.branch,
       count(*) as closed_jobs,
       round(percentile_cont(0.10) within group (order by c.revenue)::numeric, 2) as p10_ticket,
       round(percentile_cont(0.25) within group (order by c.revenue)::numeric, 2) as p25_ticket,
       round(percentile_cont(0.50) within group (order by c.revenue)::numeric, 2) as median_ticket,
       round(percentile_cont(0.75) within group (order by c.revenue)::numeric, 2) as p75_ticket,
       round(percentile_cont(0.90) within group (order by c.revenue)::numeric, 2) as p90_ticket,
       round(avg(c.revenue)::numeric, 2) as avg_ticket,
       (select round(percentile_cont(0.5) within group (order by revenue)::numeric, 2) from closed) as company_median_ticket
  from closed c
 group by c.branch
having count(*) >= :min_jobs::int
 order by median_ticket desc
