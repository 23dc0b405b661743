-- name: Branch average ticket adjusted for move-size mix
-- description: Each branch's actual average ticket beside the ticket it would have at company
--   average prices for its own mix of move sizes, and the ratio of the two (price index). A branch
--   with big homes naturally has a high ticket; the index takes that out. Read an index above 1.00
--   as pricing above the company for the same work, below 1.00 as discounting.
-- category: Benchmarking
-- tags: branch, average ticket, pricing, mix adjustment
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: min_jobs integer = 20 "Minimum closed jobs per branch"
-- chart: bar x=branch y=price_index
-- format: closed_jobs=integer, actual_avg_ticket=currency, expected_avg_ticket=currency, price_index=number
with closed as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         coalesce(nullif(trim(j.move_size), ''), '(unknown)') as move_size,
         j.revenue
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.status = 'CLOSED'
     and j.revenue is not null
     and j.job_date between :period_from::date and :period_to::date
),
size_price as (
  select move_size, avg(revenue) as company_avg_ticket
    from closed
   group by move_size
)
select c.branch,
       count(*) as closed_jobs,
       round(avg(c.revenue), 2) as actual_avg_ticket,
       round(avg(s.company_avg_ticket), 2) as expected_avg_ticket,
       round(avg(c.revenue) / nullif(avg(s.company_avg_ticket), 0), 3) as price_index
  from closed c
  join size_price s using (move_size)
 group by c.branch
having count(*) >= :min_jobs::int
 order by price_index desc
