-- name: Revenue with 3- and 12-month moving averages
-- description: Monthly closed revenue with its trailing 3-month and 12-month moving averages and the
--   12-month average's change on a year earlier. The 3-month line follows the season; the 12-month
--   line removes it and shows the run rate. Read a 12-month line that flattens or turns down as the
--   earliest sign of a slowdown. The moving averages are empty until enough months have passed.
-- category: Forecasting
-- tags: moving average, trend, run rate, revenue
-- param: period daterange = 2019-01-01..2025-10-31 "Months"
-- param: branch branch = all "Branch"
-- chart: line x=month y=closed_revenue,moving_avg_3m,moving_avg_12m
-- format: month=date, closed_revenue=currency, moving_avg_3m=currency, moving_avg_12m=currency, run_rate_change=percent
with months as (
  select generate_series(date_trunc('month', :period_from::date), date_trunc('month', :period_to::date), interval '1 month')::date as month
),
monthly as (
  select m.month,
         coalesce(sum(j.revenue), 0) as closed_revenue
    from months m
    left join job j
      on j.status = 'CLOSED'
     and j.job_date >= m.month
     and j.job_date < (m.month + interval '1 month')
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by m.month
),
averaged as (
  select month,
         closed_revenue,
         case when count(*) over (order by month rows between 2 preceding and current row) = 3
              then round(avg(closed_revenue) over (order by month rows between 2 preceding and current row), 2) end as moving_avg_3m,
         case when count(*) over (order by month rows between 11 preceding and current row) = 12
              then round(avg(closed_revenue) over (order by month rows between 11 preceding and current row), 2) end as moving_avg_12m
    from monthly
)
select month,
       closed_revenue,
       moving_avg_3m,
       moving_avg_12m,
       round(moving_avg_12m / nullif(lag(moving_avg_12m, 12) over (order by month), 0) - 1, 4) as run_rate_change
  from averaged
 order by month
