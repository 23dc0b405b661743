-- name: Sales person percentile profile
-- description: Where each sales person stands in the team on four measures at once, as percentiles
--   (1.00 = best in the team, 0.00 = lowest): closed revenue, closed jobs, average ticket and lead
--   close rate, with the raw figures beside them and their average as an overall percentile. Read the
--   profile, not just the total: a high ticket percentile with a low close rate is someone who wins big
--   moves but loses the rest, a coaching conversation different from low volume.
-- category: Benchmarking
-- tags: sales person, percentiles, ranking, close rate
-- param: period daterange = 2024-01-01..2025-12-31 "Job and lead dates"
-- param: branch branch = all "Branch"
-- param: min_jobs integer = 10 "Minimum closed jobs per person"
-- chart: bar x=sales_person y=revenue_percentile,ticket_percentile,close_rate_percentile
-- format: closed_jobs=integer, closed_revenue=currency, avg_ticket=currency, close_rate=percent, revenue_percentile=percent, jobs_percentile=percent, ticket_percentile=percent, close_rate_percentile=percent, overall_percentile=percent
with jobs as (
  select coalesce(sp.full_name, nullif(trim(j.raw_sales_person), ''), '(none)') as sales_person,
         count(*) as closed_jobs,
         coalesce(sum(j.revenue), 0) as closed_revenue,
         avg(j.revenue) as avg_ticket
    from job j
    left join sales_person sp on sp.sales_person_id = j.sales_person_id
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
  having count(*) >= :min_jobs::int
),
leads as (
  select coalesce(sp.full_name, nullif(trim(l.raw_sales_person), ''), '(none)') as sales_person,
         count(*) filter (where l.status = 'BOOKED')::numeric / count(*) as close_rate
    from lead_status l
    left join sales_person sp on sp.sales_person_id = l.sales_person_id
   where l.status <> 'BAD'
     and l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
     and (:branch::bigint is null or l.branch_id = :branch::bigint)
   group by 1
),
combined as (
  select j.sales_person, j.closed_jobs, j.closed_revenue, j.avg_ticket, l.close_rate,
         percent_rank() over (order by j.closed_revenue) as revenue_percentile,
         percent_rank() over (order by j.closed_jobs) as jobs_percentile,
         percent_rank() over (order by j.avg_ticket) as ticket_percentile,
         case when l.close_rate is not null
              then percent_rank() over (partition by l.close_rate is null order by l.close_rate) end as close_rate_percentile
    from jobs j
    left join leads l using (sales_person)
)
select sales_person,
       closed_jobs,
       closed_revenue,
       round(avg_ticket, 2) as avg_ticket,
       round(close_rate, 4) as close_rate,
       round(revenue_percentile::numeric, 3) as revenue_percentile,
       round(jobs_percentile::numeric, 3) as jobs_percentile,
       round(ticket_percentile::numeric, 3) as ticket_percentile,
       round(close_rate_percentile::numeric, 3) as close_rate_percentile,
       round(((revenue_percentile + jobs_percentile + ticket_percentile + coalesce(close_rate_percentile, 0))
              / (case when close_rate_percentile is null then 3 else 4 end))::numeric, 3) as overall_percentile
  from combined
 order by overall_percentile desc, sales_person
