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
-- Each table is read once: its row gives one cell per lookup (a lateral VALUES), so lead_status,
-- the largest table, is not scanned once per lookup.
with cells as (
  select 'lead_status' as source_table, c.lookup, c.raw, c.id, c.canonical
    from lead_status x
    left join branch b on b.branch_id = x.branch_id
    left join lead_source s on s.lead_source_id = x.lead_source_id
    left join sales_person p on p.sales_person_id = x.sales_person_id
   cross join lateral (values ('branch', x.raw_branch, x.branch_id, b.name),
                              ('lead_source', x.raw_lead_source, x.lead_source_id, s.name),
                              ('sales_person', x.raw_sales_person, x.sales_person_id, p.full_name)) c(lookup, raw, id, canonical)
  union all
  select 'bad_lead', c.lookup, c.raw, c.id, c.canonical
    from bad_lead x
    left join branch b on b.branch_id = x.branch_id
    left join lead_source s on s.lead_source_id = x.lead_source_id
   cross join lateral (values ('branch', x.raw_branch, x.branch_id, b.name),
                              ('lead_source', x.raw_lead_source, x.lead_source_id, s.name)) c(lookup, raw, id, canonical)
  union all
  select 'lost_lead', c.lookup, c.raw, c.id, c.canonical
    from lost_lead x
    left join branch b on b.branch_id = x.branch_id
    left join lead_source s on s.lead_source_id = x.lead_source_id
    left join sales_person p on p.sales_person_id = x.sales_person_id
   cross join lateral (values ('branch', x.raw_branch, x.branch_id, b.name),
                              ('lead_source', x.raw_lead_source, x.lead_source_id, s.name),
                              ('sales_person', x.raw_sales_person, x.sales_person_id, p.full_name)) c(lookup, raw, id, canonical)
  union all
  select 'booked_opportunity', c.lookup, c.raw, c.id, c.canonical
    from booked_opportunity x
    left join branch b on b.branch_id = x.branch_id
    left join lead_source s on s.lead_source_id = x.lead_source_id
    left join sales_person p on p.sales_person_id = x.sales_person_id
   cross join lateral (values ('branch', x.raw_branch, x.branch_id, b.name),
                              ('lead_source', x.raw_lead_source, x.lead_source_id, s.name),
                              ('sales_person', x.raw_sales_person, x.sales_person_id, p.full_name)) c(lookup, raw, id, canonical)
  union all
  select 'job', c.lookup, c.raw, c.id, c.canonical
    from job x
    left join branch b on b.branch_id = x.branch_id
    left join lead_source s on s.lead_source_id = x.lead_source_id
    left join sales_person p on p.sales_person_id = x.sales_person_id
   cross join lateral (values ('branch', x.raw_branch, x.branch_id, b.name),
                              ('lead_source', x.raw_lead_source, x.lead_source_id, s.name),
                              ('sales_person', x.raw_sales_person, x.sales_person_id, p.full_name)) c(lookup, raw, id, canonical)
  union all
  select 'user_performance', c.lookup, c.raw, c.id, c.canonical
    from user_performance x
    left join branch b on b.branch_id = x.branch_id
    left join sales_person p on p.sales_person_id = x.sales_person_id
   cross join lateral (values ('branch', x.raw_branch, x.branch_id, b.name),
                              ('sales_person', x.raw_user_name, x.sales_person_id, p.full_name)) c(lookup, raw, id, canonical)
  union all
  select 'sales_performance', c.lookup, c.raw, c.id, c.canonical
    from sales_performance x
    left join branch b on b.branch_id = x.branch_id
    left join sales_person p on p.sales_person_id = x.sales_person_id
   cross join lateral (values ('branch', x.raw_branch, x.branch_id, b.name),
                              ('sales_person', x.raw_sales_person, x.sales_person_id, p.full_name)) c(lookup, raw, id, canonical)
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
