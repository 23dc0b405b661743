-- name: Gross margin by branch
-- description: Closed-job revenue, total cost and gross margin per branch, with the margin percentage on
--   the branch's totals, the median job's margin percentage, and the share of jobs below the
--   low-margin threshold. A branch whose median job margin sits well under its total margin makes its
--   money on a few large moves; a high low_margin_job_share points at discounting or over-staffed jobs
--   (list them with the low-margin jobs query).
-- category: Profitability
-- tags: margin, branch, profitability, gross margin
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: lead_source lead_source = all "Lead source"
-- param: low_margin_pct number = 0.25 "Low-margin threshold (fraction of revenue)"
-- chart: bar x=branch y=gross_margin_pct,median_job_margin_pct
-- format: closed_jobs=integer, closed_revenue=currency, total_cost=currency, gross_margin=currency, gross_margin_pct=percent, median_job_margin_pct=percent, low_margin_job_share=percent
with costed as (
  select j.branch_id, j.revenue,
         coalesce(j.labor_cost, 0) + coalesce(j.truck_cost, 0) + coalesce(j.materials_cost, 0) + coalesce(j.other_cost, 0) as total_cost
    from job j
   where j.status = 'CLOSED'
     and j.revenue > 0
     and j.job_date between :period_from::date and :period_to::date
     and (:lead_source::bigint is null or j.lead_source_id = :lead_source)
)
select coalesce(b.name, '(no branch)') as branch,
       count(*) as closed_jobs,
       sum(c.revenue) as closed_revenue,
       sum(c.total_cost) as total_cost,
       sum(c.revenue - c.total_cost) as gross_margin,
       round(sum(c.revenue - c.total_cost) / sum(c.revenue), 4) as gross_margin_pct,
       round(percentile_cont(0.5) within group (order by ((c.revenue - c.total_cost) / c.revenue)::float8)::numeric, 4) as median_job_margin_pct,
       round(avg(((c.revenue - c.total_cost) / c.revenue < :low_margin_pct::numeric)::int), 4) as low_margin_job_share
  from costed c
  left join branch b on b.branch_id = c.branch_id
 group by c.branch_id, b.name
 order by gross_margin desc
