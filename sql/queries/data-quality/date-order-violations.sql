-- name: Dates in the wrong order
-- description: One row per date-consistency check across the linked records, with how many records fail
--   it and a few examples: jobs dated before their opportunity was booked, opportunities moving before
--   they were booked, booked leads received after their booking, leads whose move date is before the
--   day they came in, lost quotes lost before their lead arrived, and jobs outside the 2019–2025
--   window of the data. Small counts usually come from US/ISO date mix-ups in an export (7/8 read as
--   July 8 instead of August 7); a large count means a field was mapped to the wrong column.
-- category: Data Quality
-- tags: dates, consistency, validation, integrity, timeline
-- param: window daterange = 2019-01-01..2025-12-31 "Expected job dates"
-- chart: bar x=check_name y=records_failing
-- format: records_checked=integer, records_failing=integer, share_failing=percent
-- Each check is its own aggregate, so the planner can hand whole checks to parallel workers (a
-- parallel append); the first lead of each lost quote is read from lead_status_quote_received_idx
-- (migration 0011) in quote order, merged with the lost quotes.
with job_vs_booking as (
  select 'job dated before its opportunity was booked' as check_name, count(*) as records_checked,
         count(*) filter (where j.job_date < bo.booked_at) as records_failing,
         string_agg(j.job_number, ', ') filter (where j.job_date < bo.booked_at) as examples
    from job j join booked_opportunity bo on bo.booked_opportunity_id = j.booked_opportunity_id
   where bo.booked_at is not null
), move_vs_booking as (
  select 'opportunity moving before it was booked', count(*),
         count(*) filter (where bo.move_date < bo.booked_at),
         string_agg(bo.quote_number, ', ') filter (where bo.move_date < bo.booked_at)
    from booked_opportunity bo
   where bo.move_date is not null and bo.booked_at is not null
), lead_vs_booking as (
  select 'booked lead received after its booking date', count(*),
         count(*) filter (where l.received_at::date > bo.booked_at),
         string_agg(l.quote_number, ', ') filter (where l.received_at::date > bo.booked_at)
    from lead_status l join booked_opportunity bo on bo.booked_opportunity_id = l.booked_opportunity_id
   where bo.booked_at is not null and l.received_at is not null
), lead_move_date as (
  select 'lead with a move date before it was received', count(*),
         count(*) filter (where l.move_date < l.received_at::date),
         string_agg(l.quote_number, ', ') filter (where l.move_date < l.received_at::date)
    from lead_status l
   where l.move_date is not null and l.received_at is not null
), lost_vs_lead as (
  select 'quote lost before its lead was received', count(*),
         count(*) filter (where ll.lost_at < first_lead.received),
         string_agg(ll.quote_number, ', ') filter (where ll.lost_at < first_lead.received)
    from lost_lead ll
    join (select l.quote_number, min(l.received_at)::date as received
            from lead_status l
           where l.quote_number in (select quote_number from lost_lead where lost_at is not null)
           group by 1) as first_lead
      on first_lead.quote_number = ll.quote_number
   where ll.lost_at is not null
), job_window as (
  select 'job dated outside the expected window', count(*),
         count(*) filter (where j.job_date not between :window_from::date and :window_to::date),
         string_agg(j.job_number, ', ') filter (where j.job_date not between :window_from::date and :window_to::date)
    from job j
), checks as (
  select * from job_vs_booking
  union all select * from move_vs_booking
  union all select * from lead_vs_booking
  union all select * from lead_move_date
  union all select * from lost_vs_lead
  union all select * from job_window
)
select check_name,
       records_checked,
       records_failing,
       round(records_failing::numeric / nullif(records_checked, 0), 4) as share_failing,
       left(examples, 200) as examples
  from checks
 order by records_failing desc, check_name
