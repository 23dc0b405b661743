-- name: Service-type revenue mix by year
-- description: For each year, the share of closed revenue that came from local moves, long-distance
--   moves, commercial moves, packing and labor-only work (shares add up to 1 with "other"). Read the
--   stacked bars for a shift in the business: a growing long-distance share raises the average
--   ticket and the truck costs at the same time.
-- category: Analytics
-- tags: revenue, mix, service type, yearly
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=job_year y=local_move_share,long_distance_share,commercial_share,packing_share,labor_only_share,other_share
-- format: closed_revenue=currency, local_move_share=percent, long_distance_share=percent, commercial_share=percent, packing_share=percent, labor_only_share=percent, other_share=percent
select extract(year from j.job_date)::int as job_year,
       coalesce(sum(j.revenue), 0) as closed_revenue,
       round(coalesce(sum(j.revenue) filter (where j.service_type = 'Local Move'), 0) / nullif(sum(j.revenue), 0), 4) as local_move_share,
       round(coalesce(sum(j.revenue) filter (where j.service_type = 'Long Distance Move'), 0) / nullif(sum(j.revenue), 0), 4) as long_distance_share,
       round(coalesce(sum(j.revenue) filter (where j.service_type = 'Commercial Move'), 0) / nullif(sum(j.revenue), 0), 4) as commercial_share,
       round(coalesce(sum(j.revenue) filter (where j.service_type = 'Packing'), 0) / nullif(sum(j.revenue), 0), 4) as packing_share,
       round(coalesce(sum(j.revenue) filter (where j.service_type = 'Labor Only'), 0) / nullif(sum(j.revenue), 0), 4) as labor_only_share,
       round(coalesce(sum(j.revenue) filter (where j.service_type is null
                                              or j.service_type not in ('Local Move', 'Long Distance Move', 'Commercial Move', 'Packing', 'Labor Only')), 0)
             / nullif(sum(j.revenue), 0), 4) as other_share
  from job j
 where j.status = 'CLOSED'
   and j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch::bigint)
 group by 1
 order by 1
