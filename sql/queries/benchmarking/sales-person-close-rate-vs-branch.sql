-- name: Sales person close rate against their branch
-- description: Leads assigned to each sales person (bad leads excluded), booked leads, close rate and
--   the close rate of the branch as a whole, with the difference in points and a rank inside the
--   branch. Read the difference: it compares people on the same local market, so a person well below
--   the branch rate is losing winnable leads rather than working a harder territory.
-- category: Benchmarking
-- tags: sales person, close rate, branch, conversion
-- param: period daterange = 2023-01-01..2025-12-31 "Lead received dates"
-- param: branch branch = all "Branch"
-- param: min_leads integer = 30 "Minimum valid leads per person"
-- chart: bar x=sales_person y=close_rate,branch_close_rate
-- format: valid_leads=integer, booked_leads=integer, close_rate=percent, branch_close_rate=percent, close_rate_gap_points=number, rank_in_branch=integer
with leads as (
  select coalesce(b.name, nullif(trim(l.raw_branch), ''), '(none)') as branch,
         coalesce(sp.full_name, nullif(trim(l.raw_sales_person), ''), '(none)') as sales_person,
         l.status
    from lead_status l
    left join branch b on b.branch_id = l.branch_id
    left join sales_person sp on sp.sales_person_id = l.sales_person_id
   where l.status <> 'BAD'
     and l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
     and (:branch::bigint is null or l.branch_id = :branch::bigint)
),
branch_rate as (
  select branch, count(*) filter (where status = 'BOOKED')::numeric / count(*) as close_rate
    from leads
   group by branch
),
per_person as (
  select branch, sales_person,
         count(*) as valid_leads,
         count(*) filter (where status = 'BOOKED') as booked_leads
    from leads
   group by branch, sales_person
  having count(*) >= :min_leads::int
)
select p.branch,
       p.sales_person,
       p.valid_leads,
       p.booked_leads,
       round(p.booked_leads::numeric / p.valid_leads, 4) as close_rate,
       round(r.close_rate, 4) as branch_close_rate,
       round((p.booked_leads::numeric / p.valid_leads - r.close_rate) * 100, 1) as close_rate_gap_points,
       rank() over (partition by p.branch order by p.booked_leads::numeric / p.valid_leads desc) as rank_in_branch
  from per_person p
  join branch_rate r using (branch)
 order by p.branch, rank_in_branch
