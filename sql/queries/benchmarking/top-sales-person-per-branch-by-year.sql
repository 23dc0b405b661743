-- name: Top sales person in each branch, year by year
-- description: For every branch and year, the sales person with the most closed revenue, their
--   revenue and share of the branch's revenue, the runner-up and the lead over the runner-up. Read
--   the share column for dependence on one person: a branch where the leader brings half the
--   revenue is exposed if that person leaves.
-- category: Benchmarking
-- tags: sales person, branch, ranking, concentration
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=branch y=leader_revenue_share
-- format: leader_revenue=currency, leader_revenue_share=percent, runner_up_revenue=currency, lead_over_runner_up=currency, branch_revenue=currency, sales_people=integer
with per_person as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         extract(year from j.job_date)::int as job_year,
         coalesce(sp.full_name, nullif(trim(j.raw_sales_person), ''), '(none)') as sales_person,
         coalesce(sum(j.revenue), 0) as revenue
    from job j
    left join branch b on b.branch_id = j.branch_id
    left join sales_person sp on sp.sales_person_id = j.sales_person_id
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1, 2, 3
),
ranked as (
  select branch, job_year, sales_person, revenue,
         row_number() over (partition by branch, job_year order by revenue desc, sales_person) as position,
         lead(sales_person) over (partition by branch, job_year order by revenue desc, sales_person) as runner_up,
         lead(revenue) over (partition by branch, job_year order by revenue desc, sales_person) as runner_up_revenue,
         sum(revenue) over (partition by branch, job_year) as branch_revenue,
         count(*) over (partition by branch, job_year) as sales_people
    from per_person
)
select branch,
       job_year,
       sales_person as leader,
       revenue as leader_revenue,
       round(revenue / nullif(branch_revenue, 0), 4) as leader_revenue_share,
       runner_up,
       runner_up_revenue,
       revenue - coalesce(runner_up_revenue, 0) as lead_over_runner_up,
       branch_revenue,
       sales_people
  from ranked
 where position = 1
 order by branch, job_year
