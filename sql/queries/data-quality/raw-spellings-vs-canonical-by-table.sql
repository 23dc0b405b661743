-- name: How often each table spells branch, source and sales person the canonical way
-- description: For each source table and lookup (branch, lead source, sales person): rows with a value,
--   rows written exactly as the canonical name, rows written some other way but mapped through an
--   alias, and rows still unmapped (raw text present, id empty). The non-canonical share says how messy
--   each export is; variants that are still their own canonical row ("Denver CO" before its merge
--   candidate is reviewed) count as canonical here, so the share grows as merges are approved. Unmapped
--   rows are what the lookup pipelines still have to resolve — all sales-person rows until that
--   pipeline runs.
-- category: Data Quality
-- tags: spellings, normalization, lookups, mapping, coverage
-- chart: bar x=table_and_lookup y=non_canonical_share,unmapped_share
-- format: rows_with_value=integer, canonical_spelling=integer, other_spelling_mapped=integer, unmapped_rows=integer, non_canonical_share=percent, unmapped_share=percent
-- Every table's three (raw, id) pairs side by side, a table lacking one giving NULLs: each table is
-- read once, the lookups joined once, and the counts taken per table before the lookups are turned
-- into rows, so no row of the data is multiplied by its lookups.
with cells as (
  select 'lead_status' as source_table, raw_branch, branch_id, raw_lead_source, lead_source_id, raw_sales_person, sales_person_id from lead_status
  union all select 'bad_lead', raw_branch, branch_id, raw_lead_source, lead_source_id, null, null from bad_lead
  union all select 'lost_lead', raw_branch, branch_id, raw_lead_source, lead_source_id, raw_sales_person, sales_person_id from lost_lead
  union all select 'booked_opportunity', raw_branch, branch_id, raw_lead_source, lead_source_id, raw_sales_person, sales_person_id from booked_opportunity
  union all select 'job', raw_branch, branch_id, raw_lead_source, lead_source_id, raw_sales_person, sales_person_id from job
  union all select 'user_performance', raw_branch, branch_id, null, null, raw_user_name, sales_person_id from user_performance
  union all select 'sales_performance', raw_branch, branch_id, null, null, raw_sales_person, sales_person_id from sales_performance
), flags as (
  select x.source_table,
         nullif(trim(x.raw_branch), '') is not null as b_has, x.branch_id is not null as b_id, x.raw_branch = b.name as b_same,
         nullif(trim(x.raw_lead_source), '') is not null as s_has, x.lead_source_id is not null as s_id, x.raw_lead_source = s.name as s_same,
         nullif(trim(x.raw_sales_person), '') is not null as p_has, x.sales_person_id is not null as p_id, x.raw_sales_person = p.full_name as p_same
    from cells x
    left join branch b on b.branch_id = x.branch_id
    left join lead_source s on s.lead_source_id = x.lead_source_id
    left join sales_person p on p.sales_person_id = x.sales_person_id
), counts as (
  select source_table,
         count(*) filter (where b_has) as b_rows, count(*) filter (where b_has and b_id and b_same) as b_canonical,
         count(*) filter (where b_has and b_id and b_same is not true) as b_other, count(*) filter (where b_has and not b_id) as b_unmapped,
         count(*) filter (where s_has) as s_rows, count(*) filter (where s_has and s_id and s_same) as s_canonical,
         count(*) filter (where s_has and s_id and s_same is not true) as s_other, count(*) filter (where s_has and not s_id) as s_unmapped,
         count(*) filter (where p_has) as p_rows, count(*) filter (where p_has and p_id and p_same) as p_canonical,
         count(*) filter (where p_has and p_id and p_same is not true) as p_other, count(*) filter (where p_has and not p_id) as p_unmapped
    from flags
   group by source_table
), by_lookup as (
  select c.source_table, v.*
    from counts c
   cross join lateral (values ('branch', c.b_rows, c.b_canonical, c.b_other, c.b_unmapped),
                              ('lead_source', c.s_rows, c.s_canonical, c.s_other, c.s_unmapped),
                              ('sales_person', c.p_rows, c.p_canonical, c.p_other, c.p_unmapped))
         v(lookup, rows_with_value, canonical_spelling, other_spelling_mapped, unmapped_rows)
)
select source_table || ' · ' || lookup as table_and_lookup,
       source_table,
       lookup,
       rows_with_value,
       canonical_spelling,
       other_spelling_mapped,
       unmapped_rows,
       round((rows_with_value - canonical_spelling)::numeric / rows_with_value, 4) as non_canonical_share,
       round(unmapped_rows::numeric / rows_with_value, 4) as unmapped_share
  from by_lookup
 where rows_with_value > 0
 order by source_table, lookup
