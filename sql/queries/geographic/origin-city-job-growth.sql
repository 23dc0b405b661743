-- name: Fastest-growing origin cities
-- description: Jobs starting in each city in the chosen year against the year before, with the change
--   in jobs, the growth rate and closed revenue in the chosen year, for cities with enough jobs in the
--   earlier year. Read the top of the list for suburbs that are heating up (new apartment complexes,
--   new housing), and the bottom for markets that are cooling.
-- category: Geographic
-- tags: cities, growth, year over year, origin
-- param: year integer = 2024 "Year to compare with the one before"
-- param: branch branch = all "Branch"
-- param: min_prior_jobs integer = 5 "Minimum jobs in the year before"
-- chart: bar x=origin_city y=job_change
-- format: year_jobs=integer, prior_year_jobs=integer, job_change=integer, job_growth=percent, year_revenue=currency
with per_city as (
  select coalesce(j.origin_city, '?') || ', ' || coalesce(j.origin_state, '?') as origin_city,
         count(*) filter (where extract(year from j.job_date) = :year::int) as year_jobs,
         count(*) filter (where extract(year from j.job_date) = :year::int - 1) as prior_year_jobs,
         coalesce(sum(j.revenue) filter (where extract(year from j.job_date) = :year::int and j.status = 'CLOSED'), 0) as year_revenue
    from job j
   where j.status <> 'CANCELLED'
     and j.job_date >= make_date(:year::int - 1, 1, 1)
     and j.job_date < make_date(:year::int + 1, 1, 1)
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
   group by 1
)
select origin_city,
       year_jobs,
       prior_year_jobs,
       year_jobs - prior_year_jobs as job_change,
       round(year_jobs::numeric / prior_year_jobs - 1, 4) as job_growth,
       year_revenue
  from per_city
 where prior_year_jobs >= :min_prior_jobs::int
 order by job_change desc, job_growth desc, origin_city
