-- name: Merge candidates waiting for review
-- description: The review queue: clusters of raw spellings the pipelines think name one branch, lead
--   source or sales person but did not merge on their own (merge_candidate with status pending). Each
--   row shows the proposed canonical name, how many spellings and data rows the cluster covers, the
--   matching score and the evidence. Work from the top: the rows count is how many data rows will
--   change their branch, source or person once a reviewer merges the cluster.
-- category: Data Quality
-- tags: merge candidates, review queue, deduplication, lookups
-- param: entity_kind text = "" "Kind (blank for all: branch, lead_source or sales_person)"
-- chart: bar x=canonical_name y=member_rows
-- format: merge_candidate_id=integer, spellings=integer, member_rows=integer, score=number, days_waiting=integer
select mc.merge_candidate_id,
       mc.entity_kind,
       mc.canonical_name,
       jsonb_array_length(mc.members) as spellings,
       coalesce((select sum((m ->> 'count')::bigint) from jsonb_array_elements(mc.members) as m), 0) as member_rows,
       mc.score,
       (select string_agg(m ->> 'name', ' | ' order by (m ->> 'count')::bigint desc nulls last) from jsonb_array_elements(mc.members) as m) as member_spellings,
       (select string_agg(e #>> '{}', '; ') from jsonb_array_elements(mc.evidence) as e) as evidence,
       (current_date - mc.created_at::date) as days_waiting
  from merge_candidate mc
 where mc.status = 'pending'
   and (:entity_kind::text = '' or mc.entity_kind = :entity_kind)
 order by member_rows desc, mc.score desc
