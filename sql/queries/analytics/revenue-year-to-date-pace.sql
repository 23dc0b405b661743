-- name: Year-to-date revenue pace against the prior year
-- description: Cumulative closed revenue month by month for the chosen year next to the same
--   cumulative figure for the year before, and the gap between them. Read the two lines: when the
--   chosen year's line runs above last year's, the business is ahead of pace; the growth column says
--   by how much at each month end. Months after the export date stay flat.
-- category: Analytics
-- tags: revenue, year to date, growth, pace
-- param: year integer = 2025 "Year"
-- param: branch branch = all "Branch"
-- chart: line x=month_of_year y=ytd_revenue,prior_ytd_revenue
-- format: month_of_year=integer, month_revenue=currency, ytd_revenue=currency, prior_month_revenue=currency, prior_ytd_revenue=currency, ytd_growth=percent
with months as (
  select generate_series(1, 12) as month_of_year
),
monthly as (
  select extract(year from j.job_date)::int as job_year,
         extract(month from j.job_date)::int as month_of_year,
         sum(j.revenue) as revenue
    from job j
   where j.status = 'CLOSED'
     and extract(year from j.job_date)::int in (:year::int, :year::int - 1)
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1, 2
),
side_by_side as (
  select m.month_of_year,
         to_char(make_date(:year::int, m.month_of_year, 1), 'Mon') as month_name,
         coalesce(cur.revenue, 0) as month_revenue,
         coalesce(prev.revenue, 0) as prior_month_revenue
    from months m
    left join monthly cur on cur.month_of_year = m.month_of_year and cur.job_year = :year::int
    left join monthly prev on prev.month_of_year = m.month_of_year and prev.job_year = :year::int - 1
)
select month_of_year,
       month_name,
       month_revenue,
       sum(month_revenue) over (order by month_of_year) as ytd_revenue,
       prior_month_revenue,
       sum(prior_month_revenue) over (order by month_of_year) as prior_ytd_revenue,
       round(sum(month_revenue) over (order by month_of_year)
             / nullif(sum(prior_month_revenue) over (order by month_of_year), 0) - 1, 4) as ytd_growth
  from side_by_side
 order by month_of_year
