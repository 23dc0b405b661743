-- name: Revenue concentration by origin city
-- description: Origin cities ranked by closed revenue, with each city's share and the cumulative
--   share down the list (a Pareto view). Read where the cumulative share crosses 80 %: if a handful
--   of core cities make most of the revenue, marketing and crews should concentrate there; a long
--   tail means the service area is spread thin.
-- category: Geographic
-- tags: origin, cities, concentration, Pareto
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: top_n integer = 30 "Cities shown"
-- chart: bar x=origin_city y=revenue_share,cumulative_revenue_share
-- format: city_rank=integer, closed_jobs=integer, closed_revenue=currency, revenue_share=percent, cumulative_revenue_share=percent
with per_city as (
  select coalesce(j.origin_city, '?') || ', ' || coalesce(j.origin_state, '?') as origin_city,
         count(*) as closed_jobs,
         coalesce(sum(j.revenue), 0) as closed_revenue
    from job j
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
),
ranked as (
  select origin_city, closed_jobs, closed_revenue,
         row_number() over (order by closed_revenue desc, origin_city) as city_rank,
         closed_revenue / nullif(sum(closed_revenue) over (), 0) as revenue_share,
         sum(closed_revenue) over (order by closed_revenue desc, origin_city)
           / nullif(sum(closed_revenue) over (), 0) as cumulative_revenue_share
    from per_city
)
select city_rank,
       origin_city,
       closed_jobs,
       closed_revenue,
       round(revenue_share, 4) as revenue_share,
       round(cumulative_revenue_share, 4) as cumulative_revenue_share
  from ranked
 where city_rank <= :top_n::int
 order by city_rank
