-- name: Jobs not tied to a booked opportunity
-- description: For each job status, how many jobs have no booked_opportunity_id, split into jobs with no
--   quote number at all and jobs whose quote number matches no opportunity (or several). Such jobs drop
--   out of every funnel and estimate-accuracy figure; a cluster in one status (e.g. Closed jobs entered
--   directly by the office) points at a process gap. Zero everywhere is the healthy result after quote
--   linkage.
-- category: Data Quality
-- tags: jobs, opportunities, linkage, quote numbers, integrity
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- chart: bar x=status y=jobs_without_opportunity
-- format: jobs=integer, jobs_without_opportunity=integer, without_quote_number=integer, quote_matches_no_opportunity=integer, quote_matches_several=integer, unlinked_share=percent
with quotes as (
  select bo.quote_number, count(*) as opportunities
    from booked_opportunity bo
   where bo.quote_number is not null
   group by 1
), checked as (
  select j.status,
         j.booked_opportunity_id is null as unlinked,
         j.quote_number is null as no_quote,
         coalesce(q.opportunities, 0) as matching_opportunities
    from job j
    left join quotes q on q.quote_number = j.quote_number
   where j.job_date between :period_from::date and :period_to::date
)
select status,
       count(*) as jobs,
       count(*) filter (where unlinked) as jobs_without_opportunity,
       count(*) filter (where unlinked and no_quote) as without_quote_number,
       count(*) filter (where unlinked and not no_quote and matching_opportunities = 0) as quote_matches_no_opportunity,
       count(*) filter (where unlinked and matching_opportunities > 1) as quote_matches_several,
       round(avg(unlinked::int), 4) as unlinked_share
  from checked
 group by status
 order by coalesce(array_position(array['PENDING', 'BOOKED', 'CLOSED', 'POSTPONED', 'CANCELLED'], status), 99)
