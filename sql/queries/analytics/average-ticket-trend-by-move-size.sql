-- name: Average ticket trend by move size
-- description: Average closed-job ticket and revenue per crew hour for each move size and year, in
--   long format (move size, year, values). Read each move size's line for price drift: a rising
--   ticket at a flat revenue per crew hour means jobs got longer, while both rising means prices went
--   up (inflation is built into the estimates year by year).
-- category: Analytics
-- tags: average ticket, pricing, inflation, move size, trend
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: min_jobs integer = 5 "Minimum closed jobs per year and size"
-- chart: line x=job_year y=avg_ticket
-- format: closed_jobs=integer, avg_ticket=currency, revenue_per_crew_hour=currency, ticket_change=percent
with yearly as (
  select coalesce(nullif(trim(j.move_size), ''), '(unknown)') as move_size,
         extract(year from j.job_date)::int as job_year,
         count(*) as closed_jobs,
         round(avg(j.revenue), 2) as avg_ticket,
         round(sum(j.revenue) filter (where j.crew_size > 0 and j.hours > 0)
               / nullif(sum(j.crew_size * j.hours) filter (where j.crew_size > 0 and j.hours > 0), 0), 2) as revenue_per_crew_hour
    from job j
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1, 2
  having count(*) >= :min_jobs::int
)
select move_size,
       job_year,
       closed_jobs,
       avg_ticket,
       revenue_per_crew_hour,
       round(avg_ticket / nullif(lag(avg_ticket) over (partition by move_size order by job_year), 0) - 1, 4) as ticket_change
  from yearly
 order by move_size, job_year
