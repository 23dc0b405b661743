-- name: Branch revenue growth ranking, year over year
-- description: Closed revenue per branch in the chosen year and the year before, the change in
--   dollars, the growth rate, and the branch's rank by growth, plus its share of the company's
--   growth. Read which branches drive (or drag) the company's growth; a branch without prior-year
--   revenue (newly opened) gets no growth rate and is ranked last.
-- category: Benchmarking
-- tags: branch, growth, year over year, ranking
-- param: year integer = 2024 "Year to compare with the one before"
-- chart: bar x=branch y=revenue_growth
-- format: year_revenue=currency, prior_year_revenue=currency, revenue_change=currency, revenue_growth=percent, growth_rank=integer, share_of_company_change=percent
with per_branch as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         coalesce(sum(j.revenue) filter (where extract(year from j.job_date) = :year::int), 0) as year_revenue,
         coalesce(sum(j.revenue) filter (where extract(year from j.job_date) = :year::int - 1), 0) as prior_year_revenue
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.status = 'CLOSED'
     and j.job_date >= make_date(:year::int - 1, 1, 1)
     and j.job_date < make_date(:year::int + 1, 1, 1)
   group by 1
)
select branch,
       year_revenue,
       prior_year_revenue,
       year_revenue - prior_year_revenue as revenue_change,
       round(year_revenue / nullif(prior_year_revenue, 0) - 1, 4) as revenue_growth,
       rank() over (order by year_revenue / nullif(prior_year_revenue, 0) desc nulls last) as growth_rank,
       round((year_revenue - prior_year_revenue) / nullif(sum(year_revenue - prior_year_revenue) over (), 0), 4) as share_of_company_change
  from per_branch
 order by growth_rank, branch
