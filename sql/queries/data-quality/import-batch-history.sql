-- name: Import history: batches, rows loaded and rejected
-- description: Every imported file (import_batch), newest first: its kind, status, rows read, imported and
--   rejected, the reject rate and how long the load took. A batch that is still running or failed, a
--   reject rate above a few percent, or a row count far from the previous export of the same kind all
--   deserve a look before trusting the numbers; open the rejects query for the reasons.
-- category: Data Quality
-- tags: import, batches, rejects, history, audit
-- param: last_n integer = 50 "Most recent batches"
-- param: source_kind text = "" "Source kind (blank for all, e.g. job)"
-- chart: bar x=batch_label y=imported_count,rejected_count
-- format: import_batch_id=integer, row_count=integer, imported_count=integer, rejected_count=integer, reject_rate=percent, file_megabytes=number, load_seconds=number
select b.import_batch_id,
       b.import_batch_id || ' ' || b.file_name as batch_label,
       b.source_kind,
       b.status,
       b.row_count,
       b.imported_count,
       b.rejected_count,
       round(b.rejected_count::numeric / nullif(b.row_count, 0), 4) as reject_rate,
       round(b.file_bytes / 1048576.0, 2) as file_megabytes,
       to_char(b.started_at, 'YYYY-MM-DD HH24:MI') as started,
       round(extract(epoch from (b.finished_at - b.started_at))::numeric, 1) as load_seconds,
       b.imported_by
  from import_batch b
 where (:source_kind::text = '' or b.source_kind = :source_kind)
 order by b.started_at desc, b.import_batch_id desc
 limit :last_n
