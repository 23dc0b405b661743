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
select source, rows_total, with_quote_number, linked_rows, unlinked_with_quote, without_quote_number, linked_rate
  from (
  select 1 as part, 'lead_status: booked leads' as source,
         count(*) as rows_total,
         count(quote_number) as with_quote_number,
         count(booked_opportunity_id) as linked_rows,
         count(*) filter (where booked_opportunity_id is null and quote_number is not null) as unlinked_with_quote,
         count(*) filter (where quote_number is null) as without_quote_number,
         round(count(booked_opportunity_id)::numeric / nullif(count(*), 0), 4) as linked_rate
    from lead_status where status = 'BOOKED'
  union all
  select 2, 'lead_status: other statuses', count(*), count(quote_number), count(booked_opportunity_id),
         count(*) filter (where booked_opportunity_id is null and quote_number is not null),
         count(*) filter (where quote_number is null),
         round(count(booked_opportunity_id)::numeric / nullif(count(*), 0), 4)
    from lead_status where status <> 'BOOKED'
  union all
  select 3, 'lost_lead', count(*), count(quote_number), count(booked_opportunity_id),
         count(*) filter (where booked_opportunity_id is null and quote_number is not null),
         count(*) filter (where quote_number is null),
         round(count(booked_opportunity_id)::numeric / nullif(count(*), 0), 4)
    from lost_lead
  union all
  select 4, 'job', count(*), count(quote_number), count(booked_opportunity_id),
         count(*) filter (where booked_opportunity_id is null and quote_number is not null),
         count(*) filter (where quote_number is null),
         round(count(booked_opportunity_id)::numeric / nullif(count(*), 0), 4)
    from job
  union all
  select 5, 'booked_opportunity: has a lead', count(*), count(bo.quote_number),
         count(h.booked_opportunity_id),
         count(*) filter (where bo.quote_number is not null and h.booked_opportunity_id is null),
         count(*) filter (where bo.quote_number is null),
         round(count(h.booked_opportunity_id)::numeric / nullif(count(*), 0), 4)
    from booked_opportunity bo
    left join (select distinct booked_opportunity_id from lead_status where booked_opportunity_id is not null) h
           on h.booked_opportunity_id = bo.booked_opportunity_id
  ) parts
 order by part -- the parts in the order written: a UNION ALL alone promises no order
