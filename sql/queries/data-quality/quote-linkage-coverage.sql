-- name: Quote linkage coverage by table
-- description: How well quote numbers tie the tables together. For each table that carries a quote
--   number: rows, rows with a quote number, rows linked to a booked opportunity, and unlinked rows that
--   do have a quote number. Booked leads, jobs and booked opportunities should be close to 100 %
--   linked; other lead statuses and lost leads are only linked when their quote was booked, so their low
--   rate is expected. The opportunity rows check the other direction: opportunities no lead points to.
-- category: Data Quality
-- tags: quote numbers, linkage, unlinked quotes, integrity
-- chart: bar x=source y=linked_rate
-- format: rows_total=integer, with_quote_number=integer, linked_rows=integer, unlinked_with_quote=integer, without_quote_number=integer, linked_rate=percent
select 'lead_status: booked leads' as source,
       count(*) as rows_total,
       count(quote_number) as with_quote_number,
       count(booked_opportunity_id) as linked_rows,
       count(*) filter (where booked_opportunity_id is null and quote_number is not null) as unlinked_with_quote,
       count(*) filter (where quote_number is null) as without_quote_number,
       round(count(booked_opportunity_id)::numeric / nullif(count(*), 0), 4) as linked_rate
  from lead_status where status = 'BOOKED'
union all
select 'lead_status: other statuses', count(*), count(quote_number), count(booked_opportunity_id),
       count(*) filter (where booked_opportunity_id is null and quote_number is not null),
       count(*) filter (where quote_number is null),
       round(count(booked_opportunity_id)::numeric / nullif(count(*), 0), 4)
  from lead_status where status <> 'BOOKED'
union all
select 'lost_lead', count(*), count(quote_number), count(booked_opportunity_id),
       count(*) filter (where booked_opportunity_id is null and quote_number is not null),
       count(*) filter (where quote_number is null),
       round(count(booked_opportunity_id)::numeric / nullif(count(*), 0), 4)
  from lost_lead
union all
select 'job', count(*), count(quote_number), count(booked_opportunity_id),
       count(*) filter (where booked_opportunity_id is null and quote_number is not null),
       count(*) filter (where quote_number is null),
       round(count(booked_opportunity_id)::numeric / nullif(count(*), 0), 4)
  from job
union all
select 'booked_opportunity: has a lead', count(*), count(bo.quote_number),
       count(*) filter (where exists (select 1 from lead_status l where l.booked_opportunity_id = bo.booked_opportunity_id)),
       count(*) filter (where bo.quote_number is not null and not exists (select 1 from lead_status l where l.booked_opportunity_id = bo.booked_opportunity_id)),
       count(*) filter (where bo.quote_number is null),
       round((count(*) filter (where exists (select 1 from lead_status l where l.booked_opportunity_id = bo.booked_opportunity_id)))::numeric / nullif(count(*), 0), 4)
  from booked_opportunity bo
