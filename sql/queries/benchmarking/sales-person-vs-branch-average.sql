-- name: Sales people against their branch average
-- description: For each sales person in each branch they sold for: closed jobs, revenue and average
--   ticket beside the branch's per-person averages, and index figures (person / branch average, so
--   1.00 = exactly average). Read the revenue index to see who carries a branch and who trails it,
--   and the ticket index to see who sells bigger moves rather than more moves.
-- category: Benchmarking
-- tags: sales person, branch, average, index
-- param: period daterange = 2024-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: min_jobs integer = 5 "Minimum closed jobs per person"
-- chart: bar x=sales_person y=revenue_index,ticket_index
-- format: closed_jobs=integer, closed_revenue=currency, avg_ticket=currency, branch_avg_revenue_per_person=currency, branch_avg_ticket=currency, revenue_index=number, ticket_index=number
with per_person as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         coalesce(sp.full_name, nullif(trim(j.raw_sales_person), ''), '(none)') as sales_person,
         count(*) as closed_jobs,
         coalesce(sum(j.revenue), 0) as closed_revenue
    from job j
    left join branch b on b.branch_id = j.branch_id
    left join sales_person sp on sp.sales_person_id = j.sales_person_id
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1, 2
  having count(*) >= :min_jobs::int
),
branch_avg as (
  select branch,
         avg(closed_revenue) as avg_revenue_per_person,
         sum(closed_revenue) / nullif(sum(closed_jobs), 0) as avg_ticket
    from per_person
   group by branch
)
select p.branch,
       p.sales_person,
       p.closed_jobs,
       p.closed_revenue,
       round(p.closed_revenue / p.closed_jobs, 2) as avg_ticket,
       round(a.avg_revenue_per_person, 2) as branch_avg_revenue_per_person,
       round(a.avg_ticket, 2) as branch_avg_ticket,
       round(p.closed_revenue / nullif(a.avg_revenue_per_person, 0), 2) as revenue_index,
       round((p.closed_revenue / p.closed_jobs) / nullif(a.avg_ticket, 0), 2) as ticket_index
  from per_person p
  join branch_avg a using (branch)
 order by p.branch, revenue_index desc
