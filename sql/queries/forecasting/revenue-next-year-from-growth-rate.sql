-- name: Next year's revenue from this year's growth rate
-- description: Projects each month of the year after the base year as the base year's revenue in
--   that month times (1 + the base year's growth over the year before). The growth rate repeats on
--   every row, and the actual revenue of the projected year is shown where it exists, so the method
--   can be checked against reality. Read it as the simplest plan: same season, same growth. Months
--   after the export date are still partly booked, so their actuals run low.
-- category: Forecasting
-- tags: forecast, year over year, growth, projection
-- param: base_year integer = 2024 "Base year (a complete year)"
-- param: branch branch = all "Branch"
-- chart: line x=month y=projected_revenue,base_year_revenue,actual_revenue
-- format: month=date, base_year_revenue=currency, growth_rate=percent, projected_revenue=currency, actual_revenue=currency
with monthly as (
  select extract(year from j.job_date)::int as job_year,
         extract(month from j.job_date)::int as month_number,
         sum(j.revenue) as revenue
    from job j
   where j.status = 'CLOSED'
     and j.job_date >= make_date(:base_year::int - 1, 1, 1)
     and j.job_date < make_date(:base_year::int + 2, 1, 1)
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1, 2
),
growth as (
  select sum(revenue) filter (where job_year = :base_year::int)
         / nullif(sum(revenue) filter (where job_year = :base_year::int - 1), 0) - 1 as rate
    from monthly
)
select make_date(:base_year::int + 1, m, 1) as month,
       coalesce(b.revenue, 0) as base_year_revenue,
       round(g.rate, 4) as growth_rate,
       round(coalesce(b.revenue, 0) * (1 + coalesce(g.rate, 0)), 2) as projected_revenue,
       a.revenue as actual_revenue
  from generate_series(1, 12) as m
 cross join growth g
  left join monthly b on b.job_year = :base_year::int and b.month_number = m
  left join monthly a on a.job_year = :base_year::int + 1 and a.month_number = m
 order by 1
