-- name: Branch crew hours against the company standard
-- description: For each branch, the crew hours (crew size times hours) its closed jobs actually took,
--   against what the same jobs would take at the company's average crew hours for each move size and
--   service type, and the ratio (efficiency index). The expected figure takes out the branch's job
--   mix. Read an index above 1.00 as crews spending more hours than the company does on like jobs
--   (slower crews, bigger crews, or harder access), below 1.00 as faster; the hours gap says what it
--   adds up to.
-- category: Benchmarking
-- tags: branch, crew, productivity, labor, mix adjustment
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: min_jobs integer = 20 "Minimum closed jobs per branch"
-- chart: bar x=branch y=crew_hours_index
-- format: closed_jobs=integer, avg_crew_size=number, actual_crew_hours=number, expected_crew_hours=number, crew_hours_index=number, crew_hours_gap=number, efficiency_rank=integer
with closed as (
  select coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)') as branch,
         coalesce(j.move_size, '') || '|' || coalesce(j.service_type, '') as job_kind,
         j.crew_size,
         j.crew_size * j.hours as crew_hours
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.status = 'CLOSED'
     and j.crew_size > 0
     and j.hours > 0
     and j.job_date between :period_from::date and :period_to::date
),
standard as (
  select job_kind, avg(crew_hours) as standard_crew_hours
    from closed
   group by job_kind
),
per_branch as (
  select c.branch,
         count(*) as closed_jobs,
         avg(c.crew_size) as avg_crew_size,
         sum(c.crew_hours) as actual_crew_hours,
         sum(s.standard_crew_hours) as expected_crew_hours
    from closed c
    join standard s using (job_kind)
   group by c.branch
  having count(*) >= :min_jobs::int
)
select branch,
       closed_jobs,
       round(avg_crew_size, 2) as avg_crew_size,
       round(actual_crew_hours, 1) as actual_crew_hours,
       round(expected_crew_hours, 1) as expected_crew_hours,
       round(actual_crew_hours / nullif(expected_crew_hours, 0), 3) as crew_hours_index,
       round(actual_crew_hours - expected_crew_hours, 1) as crew_hours_gap,
       rank() over (order by actual_crew_hours / nullif(expected_crew_hours, 0)) as efficiency_rank
  from per_branch
 order by efficiency_rank
