-- name: Ticket size bands: share of jobs vs share of revenue
-- description: Closed jobs grouped by their revenue (under $500 up to $10,000+), with the share of
--   jobs and the share of revenue each band holds. Read the two shares side by side: when the
--   $5,000+ bands hold a small share of jobs but a large share of revenue, a handful of big moves
--   drive the year. Zero-revenue closed jobs show up in the first band.
-- category: Analytics
-- tags: segmentation, revenue bands, ticket size, concentration
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=ticket_band y=job_share,revenue_share
-- format: closed_jobs=integer, job_share=percent, closed_revenue=currency, revenue_share=percent, avg_ticket=currency
with banded as (
  select j.revenue,
         case when coalesce(j.revenue, 0) < 500 then 1
              when j.revenue < 1000 then 2
              when j.revenue < 2000 then 3
              when j.revenue < 5000 then 4
              when j.revenue < 10000 then 5
              else 6 end as band_order
    from job j
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
)
select case band_order when 1 then 'under $500' when 2 then '$500-999' when 3 then '$1,000-1,999'
                       when 4 then '$2,000-4,999' when 5 then '$5,000-9,999' else '$10,000+' end as ticket_band,
       count(*) as closed_jobs,
       round(count(*)::numeric / sum(count(*)) over (), 4) as job_share,
       coalesce(sum(revenue), 0) as closed_revenue,
       round(coalesce(sum(revenue), 0) / nullif(sum(sum(revenue)) over (), 0), 4) as revenue_share,
       round(avg(revenue), 2) as avg_ticket
  from banded
 group by band_order
 order by band_order
