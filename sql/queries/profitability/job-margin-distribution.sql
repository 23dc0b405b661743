-- name: Distribution of job margins
-- description: Closed jobs grouped into bands of gross margin percentage (margin ÷ revenue), with the
--   revenue in each band and its share. A healthy book is centred around 40–60 %; a fat left tail
--   (under 20 %) is where pricing or job control fails, a right tail over 70 % is usually small jobs
--   with a minimum charge. Filter by service type to see whether one service drags the curve left.
-- category: Profitability
-- tags: margin, distribution, histogram, pricing
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: service_type text = "" "Service type (blank for all, e.g. Local Move)"
-- chart: bar x=margin_band y=closed_jobs
-- format: closed_jobs=integer, share_of_jobs=percent, closed_revenue=currency, share_of_revenue=percent
with banded as (
  select j.revenue,
         least(greatest(floor((j.revenue - coalesce(j.labor_cost, 0) - coalesce(j.truck_cost, 0) - coalesce(j.materials_cost, 0) - coalesce(j.other_cost, 0))
                              / j.revenue * 10), -1), 9)::int as band
    from job j
   where j.status = 'CLOSED'
     and j.revenue > 0
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch)
     and (:service_type::text = '' or j.service_type = :service_type)
)
select case when band < 0 then 'below 0 % (loss)' else (band * 10) || '–' || (band * 10 + 10) || ' %' end as margin_band,
       count(*) as closed_jobs,
       round(count(*)::numeric / sum(count(*)) over (), 4) as share_of_jobs,
       sum(revenue) as closed_revenue,
       round(sum(revenue) / sum(sum(revenue)) over (), 4) as share_of_revenue
  from banded
 group by band
 order by band
