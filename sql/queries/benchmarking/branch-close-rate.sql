-- name: Branch close rate adjusted for lead-source mix
-- description: Per branch: valid leads (bad leads excluded), booked leads, the close rate (booked /
--   valid leads) and the win rate on decided leads (booked / (booked + lost)), against the close rate
--   the branch would have at the company's close rate for each lead source, given its own mix of
--   sources. Sources close at different rates (repeat customers far better than ad clicks), so a
--   branch with few returning customers looks weak on the raw rate; the gap in points and the rank
--   use the adjusted comparison. Read a positive gap as a sales team that converts better than its
--   lead mix predicts.
-- category: Benchmarking
-- tags: branch, close rate, conversion, lead source, mix adjustment
-- param: period daterange = 2019-01-01..2025-12-31 "Lead received dates"
-- param: min_leads integer = 50 "Minimum valid leads per branch"
-- chart: bar x=branch y=close_rate,expected_close_rate
-- format: valid_leads=integer, booked_leads=integer, close_rate=percent, win_rate=percent, expected_close_rate=percent, close_rate_gap_points=number, close_rate_rank=integer
with leads as (
  select coalesce(b.name, nullif(trim(l.raw_branch), ''), '(none)') as branch,
         coalesce(l.lead_source_id::text, lower(nullif(trim(l.raw_lead_source), '')), '(none)') as source_key,
         l.status
    from lead_status l
    left join branch b on b.branch_id = l.branch_id
   where l.status <> 'BAD'
     and l.received_at >= :period_from::date
     and l.received_at < :period_to::date + 1
),
cells as (
  select branch, source_key,
         count(*) as valid_leads,
         count(*) filter (where status = 'BOOKED') as booked_leads,
         count(*) filter (where status = 'LOST') as lost_leads
    from leads
   group by branch, source_key
),
source_rate as (
  select source_key, sum(booked_leads)::numeric / sum(valid_leads) as close_rate
    from cells
   group by source_key
),
per_branch as (
  select c.branch,
         sum(c.valid_leads) as valid_leads,
         sum(c.booked_leads) as booked_leads,
         sum(c.lost_leads) as lost_leads,
         sum(c.valid_leads * s.close_rate) / sum(c.valid_leads) as expected_close_rate
    from cells c
    join source_rate s using (source_key)
   group by c.branch
  having sum(c.valid_leads) >= :min_leads::int
)
select branch,
       valid_leads,
       booked_leads,
       round(booked_leads::numeric / valid_leads, 4) as close_rate,
       round(booked_leads::numeric / nullif(booked_leads + lost_leads, 0), 4) as win_rate,
       round(expected_close_rate, 4) as expected_close_rate,
       round((booked_leads::numeric / valid_leads - expected_close_rate) * 100, 1) as close_rate_gap_points,
       rank() over (order by booked_leads::numeric / valid_leads - expected_close_rate desc) as close_rate_rank
  from per_branch
 order by close_rate_rank
