-- name: Branch rank consistency month by month
-- description: Ranks the branches by closed revenue within every month of the period, then sums up
--   each branch's record: months active, months ranked first, months in the top three, average,
--   best and worst monthly rank. Read it to tell a steady leader from a branch that wins only in
--   peak season: a low average rank with few first places is consistent, a high number of first
--   places with a poor worst rank is volatile.
-- category: Benchmarking
-- tags: branch, ranking, monthly, consistency
-- param: period daterange = 2022-01-01..2025-10-31 "Job dates"
-- param: min_months integer = 6 "Minimum months with closed jobs"
-- chart: bar x=branch y=months_ranked_first,months_in_top_three
-- format: months_active=integer, months_ranked_first=integer, months_in_top_three=integer, avg_monthly_rank=number, best_rank=integer, worst_rank=integer, avg_monthly_revenue=currency
with monthly as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         date_trunc('month', j.job_date) as month,
         sum(j.revenue) as revenue
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.status = 'CLOSED'
     and j.job_date between :period_from::date and :period_to::date
   group by 1, 2
),
ranked as (
  select branch, month, revenue,
         rank() over (partition by month order by revenue desc nulls last) as monthly_rank
    from monthly
)
select branch,
       count(*) as months_active,
       count(*) filter (where monthly_rank = 1) as months_ranked_first,
       count(*) filter (where monthly_rank <= 3) as months_in_top_three,
       round(avg(monthly_rank), 1) as avg_monthly_rank,
       min(monthly_rank) as best_rank,
       max(monthly_rank) as worst_rank,
       round(avg(revenue), 2) as avg_monthly_revenue
  from ranked
 group by branch
having count(*) >= :min_months::int
 order by avg_monthly_rank, branch
