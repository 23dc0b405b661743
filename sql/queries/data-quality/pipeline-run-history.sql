-- name: Pipeline run history
-- description: Every pipeline step execution (pipeline_run), newest first: the step, plan (dry run) or
--   run, who started it, status, duration, the rows it changed in total and the notes it left (merge
--   candidates found, quotes matching nothing…), plus any error. Use it to confirm that the steps ran
--   after the last import, in order and without failures, and to spot a step whose change count
--   suddenly jumps — often a new spelling mess in an export.
-- category: Data Quality
-- tags: pipeline, audit, history, runs, lineage
-- param: step text = "" "Step (blank for all, e.g. quote-linkage)"
-- param: last_n integer = 100 "Most recent runs"
-- chart: bar x=run_label y=rows_changed
-- format: pipeline_run_id=integer, duration_ms=integer, rows_changed=integer
select pr.pipeline_run_id,
       pr.pipeline_run_id || ' ' || pr.step || case when pr.mode = 'plan' then ' (plan)' else '' end as run_label,
       pr.step,
       pr.mode,
       pr.run_by,
       pr.status,
       to_char(pr.started_at, 'YYYY-MM-DD HH24:MI:SS') as started,
       pr.duration_ms,
       coalesce((select sum((c ->> 'rows')::bigint)
                   from jsonb_array_elements(case when jsonb_typeof(pr.counts -> 'changes') = 'array' then pr.counts -> 'changes' else '[]'::jsonb end) as c), 0) as rows_changed,
       (select string_agg(c ->> 'action' || ' ' || (c ->> 'table') || ' ' || (c ->> 'rows'), ', ')
          from jsonb_array_elements(case when jsonb_typeof(pr.counts -> 'changes') = 'array' then pr.counts -> 'changes' else '[]'::jsonb end) as c) as changes,
       (select string_agg(n.key || ': ' || n.value, '; ')
          from jsonb_each_text(case when jsonb_typeof(pr.counts -> 'notes') = 'object' then pr.counts -> 'notes' else '{}'::jsonb end) as n) as notes,
       pr.error
  from pipeline_run pr
 where (:step::text = '' or pr.step = :step)
 order by pr.started_at desc, pr.pipeline_run_id desc
 limit :last_n
