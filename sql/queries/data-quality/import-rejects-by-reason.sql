-- name: Import rejects by source, column and reason
-- description: Rows the importer could not load, grouped by source kind, column and reason pattern (the
--   value quoted in each reason and row numbers are masked so that "not a date" rejects group
--   together), with the batches involved, an example reason and the first rejected rows. A source kind
--   with no rejects shows one line saying so, so a clean import is visible too. Many rejects on one
--   column usually mean the export changed format (a new date style, a new status word).
-- category: Data Quality
-- tags: import, rejects, reasons, columns, validation
-- param: source_kind text = "" "Source kind (blank for all, e.g. job)"
-- chart: bar x=reject_group y=rejected_rows
-- format: rejected_rows=integer, batches=integer
with rejects as (
  select b.source_kind, b.import_batch_id, r.row_number, r.reason,
         coalesce(r.column_name, '(whole row)') as column_name,
         regexp_replace(regexp_replace(r.reason, '"[^"]*"', '"…"', 'g'), '[0-9]+', 'N', 'g') as reason_pattern
    from import_batch b
    join import_reject r on r.import_batch_id = b.import_batch_id
   where (:source_kind::text = '' or b.source_kind = :source_kind)
), kinds as (
  select distinct b.source_kind
    from import_batch b
   where (:source_kind::text = '' or b.source_kind = :source_kind)
)
select x.source_kind || ' · ' || x.column_name || ' · ' || x.reason_pattern as reject_group,
       x.source_kind,
       x.column_name,
       x.reason_pattern,
       count(*) as rejected_rows,
       count(distinct x.import_batch_id) as batches,
       min(x.reason) as example_reason,
       string_agg(x.import_batch_id || ':' || x.row_number, ', ' order by x.import_batch_id, x.row_number) filter (where x.row_number is not null) as first_batch_rows
  from rejects x
 group by x.source_kind, x.column_name, x.reason_pattern
union all
select k.source_kind || ' · no rejects', k.source_kind, null, '(no rejects)', 0, 0, null, null
  from kinds k
 where not exists (select 1 from rejects x where x.source_kind = k.source_kind)
 order by rejected_rows desc, reject_group
