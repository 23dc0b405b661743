-- name: Revenue mix by lead source
-- description: Closed revenue per lead source with its share of the total, closed jobs and average
--   ticket; the sources beyond the top N are summed into one "all other sources" row. Read it to see
--   which channels bring the money rather than the leads: a source with a high average ticket earns
--   more per job than its job count suggests. Jobs without a recorded source appear as "(none)".
-- category: Analytics
-- tags: revenue, mix, lead source, marketing
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: top_n integer = 15 "Sources shown before grouping the rest"
-- chart: bar x=lead_source y=closed_revenue
-- format: closed_jobs=integer, closed_revenue=currency, revenue_share=percent, avg_ticket=currency
with by_source as (
  select coalesce(ls.name, nullif(trim(j.raw_lead_source), ''), '(none)') as lead_source,
         count(*) as closed_jobs,
         coalesce(sum(j.revenue), 0) as closed_revenue
    from job j
    left join lead_source ls on ls.lead_source_id = j.lead_source_id
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
),
ranked as (
  select *, row_number() over (order by closed_revenue desc, lead_source) as revenue_rank
    from by_source
),
grouped as (
  select case when revenue_rank <= :top_n::int then lead_source else 'all other sources' end as lead_source,
         min(revenue_rank) as sort_order,
         sum(closed_jobs) as closed_jobs,
         sum(closed_revenue) as closed_revenue
    from ranked
   group by 1
)
select lead_source,
       closed_jobs,
       closed_revenue,
       round(closed_revenue / nullif(sum(closed_revenue) over (), 0), 4) as revenue_share,
       round(closed_revenue / nullif(closed_jobs, 0), 2) as avg_ticket
  from grouped
 order by sort_order
