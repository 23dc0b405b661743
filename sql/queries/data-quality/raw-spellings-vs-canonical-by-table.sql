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
with cells as (
  select 'lead_status' as source_table, 'branch' as lookup, l.raw_branch as raw, l.branch_id as id, b.name as canonical
    from lead_status l left join branch b on b.branch_id = l.branch_id
  union all select 'lead_status', 'lead_source', l.raw_lead_source, l.lead_source_id, s.name
    from lead_status l left join lead_source s on s.lead_source_id = l.lead_source_id
  union all select 'lead_status', 'sales_person', l.raw_sales_person, l.sales_person_id, p.full_name
    from lead_status l left join sales_person p on p.sales_person_id = l.sales_person_id
  union all select 'bad_lead', 'branch', x.raw_branch, x.branch_id, b.name
    from bad_lead x left join branch b on b.branch_id = x.branch_id
  union all select 'bad_lead', 'lead_source', x.raw_lead_source, x.lead_source_id, s.name
    from bad_lead x left join lead_source s on s.lead_source_id = x.lead_source_id
  union all select 'lost_lead', 'branch', x.raw_branch, x.branch_id, b.name
    from lost_lead x left join branch b on b.branch_id = x.branch_id
  union all select 'lost_lead', 'lead_source', x.raw_lead_source, x.lead_source_id, s.name
    from lost_lead x left join lead_source s on s.lead_source_id = x.lead_source_id
  union all select 'lost_lead', 'sales_person', x.raw_sales_person, x.sales_person_id, p.full_name
    from lost_lead x left join sales_person p on p.sales_person_id = x.sales_person_id
  union all select 'booked_opportunity', 'branch', x.raw_branch, x.branch_id, b.name
    from booked_opportunity x left join branch b on b.branch_id = x.branch_id
  union all select 'booked_opportunity', 'lead_source', x.raw_lead_source, x.lead_source_id, s.name
    from booked_opportunity x left join lead_source s on s.lead_source_id = x.lead_source_id
  union all select 'booked_opportunity', 'sales_person', x.raw_sales_person, x.sales_person_id, p.full_name
    from booked_opportunity x left join sales_person p on p.sales_person_id = x.sales_person_id
  union all select 'job', 'branch', x.raw_branch, x.branch_id, b.name
    from job x left join branch b on b.branch_id = x.branch_id
  union all select 'job', 'lead_source', x.raw_lead_source, x.lead_source_id, s.name
    from job x left join lead_source s on s.lead_source_id = x.lead_source_id
  union all select 'job', 'sales_person', x.raw_sales_person, x.sales_person_id, p.full_name
    from job x left join sales_person p on p.sales_person_id = x.sales_person_id
  union all select 'user_performance', 'branch', x.raw_branch, x.branch_id, b.name
    from user_performance x left join branch b on b.branch_id = x.branch_id
  union all select 'user_performance', 'sales_person', x.raw_user_name, x.sales_person_id, p.full_name
    from user_performance x left join sales_person p on p.sales_person_id = x.sales_person_id
  union all select 'sales_performance', 'branch', x.raw_branch, x.branch_id, b.name
    from sales_performance x left join branch b on b.branch_id = x.branch_id
  union all select 'sales_performance', 'sales_person', x.raw_sales_person, x.sales_person_id, p.full_name
    from sales_performance x left join sales_person p on p.sales_person_id = x.sales_person_id
)
select source_table || ' · ' || lookup as table_and_lookup,
       source_table,
       lookup,
       count(*) as rows_with_value,
       count(*) filter (where id is not null and raw = canonical) as canonical_spelling,
       count(*) filter (where id is not null and raw is distinct from canonical) as other_spelling_mapped,
       count(*) filter (where id is null) as unmapped_rows,
       round(avg((raw is distinct from canonical)::int), 4) as non_canonical_share,
       round(avg((id is null)::int), 4) as unmapped_share
  from cells
 where nullif(trim(raw), '') is not null
 group by source_table, lookup
 order by source_table, lookup
