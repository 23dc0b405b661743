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
-- Each table is read once and counted per lookup in one aggregate row, which is then turned into
-- one row per lookup: no row of the data is multiplied by its lookups.
with counts as (
  select 'lead_status' as source_table, v.*
    from (select count(*) filter (where nullif(trim(x.raw_branch), '') is not null) as b_rows,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch = b.name) as b_canonical,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch is distinct from b.name) as b_other,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is null) as b_unmapped,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null) as s_rows,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is not null and x.raw_lead_source = s.name) as s_canonical,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is not null and x.raw_lead_source is distinct from s.name) as s_other,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is null) as s_unmapped,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null) as p_rows,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is not null and x.raw_sales_person = p.full_name) as p_canonical,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is not null and x.raw_sales_person is distinct from p.full_name) as p_other,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is null) as p_unmapped
            from lead_status x
    left join branch b on b.branch_id = x.branch_id
    left join lead_source s on s.lead_source_id = x.lead_source_id
    left join sales_person p on p.sales_person_id = x.sales_person_id) t
   cross join lateral (values ('branch', t.b_rows, t.b_canonical, t.b_other, t.b_unmapped),
                              ('lead_source', t.s_rows, t.s_canonical, t.s_other, t.s_unmapped),
                              ('sales_person', t.p_rows, t.p_canonical, t.p_other, t.p_unmapped)) v(lookup, rows_with_value, canonical_spelling, other_spelling_mapped, unmapped_rows)
  union all
  select 'bad_lead' as source_table, v.*
    from (select count(*) filter (where nullif(trim(x.raw_branch), '') is not null) as b_rows,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch = b.name) as b_canonical,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch is distinct from b.name) as b_other,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is null) as b_unmapped,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null) as s_rows,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is not null and x.raw_lead_source = s.name) as s_canonical,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is not null and x.raw_lead_source is distinct from s.name) as s_other,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is null) as s_unmapped
            from bad_lead x
    left join branch b on b.branch_id = x.branch_id
    left join lead_source s on s.lead_source_id = x.lead_source_id) t
   cross join lateral (values ('branch', t.b_rows, t.b_canonical, t.b_other, t.b_unmapped),
                              ('lead_source', t.s_rows, t.s_canonical, t.s_other, t.s_unmapped)) v(lookup, rows_with_value, canonical_spelling, other_spelling_mapped, unmapped_rows)
  union all
  select 'lost_lead' as source_table, v.*
    from (select count(*) filter (where nullif(trim(x.raw_branch), '') is not null) as b_rows,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch = b.name) as b_canonical,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch is distinct from b.name) as b_other,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is null) as b_unmapped,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null) as s_rows,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is not null and x.raw_lead_source = s.name) as s_canonical,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is not null and x.raw_lead_source is distinct from s.name) as s_other,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is null) as s_unmapped,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null) as p_rows,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is not null and x.raw_sales_person = p.full_name) as p_canonical,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is not null and x.raw_sales_person is distinct from p.full_name) as p_other,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is null) as p_unmapped
            from lost_lead x
    left join branch b on b.branch_id = x.branch_id
    left join lead_source s on s.lead_source_id = x.lead_source_id
    left join sales_person p on p.sales_person_id = x.sales_person_id) t
   cross join lateral (values ('branch', t.b_rows, t.b_canonical, t.b_other, t.b_unmapped),
                              ('lead_source', t.s_rows, t.s_canonical, t.s_other, t.s_unmapped),
                              ('sales_person', t.p_rows, t.p_canonical, t.p_other, t.p_unmapped)) v(lookup, rows_with_value, canonical_spelling, other_spelling_mapped, unmapped_rows)
  union all
  select 'booked_opportunity' as source_table, v.*
    from (select count(*) filter (where nullif(trim(x.raw_branch), '') is not null) as b_rows,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch = b.name) as b_canonical,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch is distinct from b.name) as b_other,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is null) as b_unmapped,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null) as s_rows,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is not null and x.raw_lead_source = s.name) as s_canonical,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is not null and x.raw_lead_source is distinct from s.name) as s_other,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is null) as s_unmapped,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null) as p_rows,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is not null and x.raw_sales_person = p.full_name) as p_canonical,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is not null and x.raw_sales_person is distinct from p.full_name) as p_other,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is null) as p_unmapped
            from booked_opportunity x
    left join branch b on b.branch_id = x.branch_id
    left join lead_source s on s.lead_source_id = x.lead_source_id
    left join sales_person p on p.sales_person_id = x.sales_person_id) t
   cross join lateral (values ('branch', t.b_rows, t.b_canonical, t.b_other, t.b_unmapped),
                              ('lead_source', t.s_rows, t.s_canonical, t.s_other, t.s_unmapped),
                              ('sales_person', t.p_rows, t.p_canonical, t.p_other, t.p_unmapped)) v(lookup, rows_with_value, canonical_spelling, other_spelling_mapped, unmapped_rows)
  union all
  select 'job' as source_table, v.*
    from (select count(*) filter (where nullif(trim(x.raw_branch), '') is not null) as b_rows,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch = b.name) as b_canonical,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch is distinct from b.name) as b_other,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is null) as b_unmapped,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null) as s_rows,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is not null and x.raw_lead_source = s.name) as s_canonical,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is not null and x.raw_lead_source is distinct from s.name) as s_other,
                 count(*) filter (where nullif(trim(x.raw_lead_source), '') is not null and x.lead_source_id is null) as s_unmapped,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null) as p_rows,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is not null and x.raw_sales_person = p.full_name) as p_canonical,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is not null and x.raw_sales_person is distinct from p.full_name) as p_other,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is null) as p_unmapped
            from job x
    left join branch b on b.branch_id = x.branch_id
    left join lead_source s on s.lead_source_id = x.lead_source_id
    left join sales_person p on p.sales_person_id = x.sales_person_id) t
   cross join lateral (values ('branch', t.b_rows, t.b_canonical, t.b_other, t.b_unmapped),
                              ('lead_source', t.s_rows, t.s_canonical, t.s_other, t.s_unmapped),
                              ('sales_person', t.p_rows, t.p_canonical, t.p_other, t.p_unmapped)) v(lookup, rows_with_value, canonical_spelling, other_spelling_mapped, unmapped_rows)
  union all
  select 'user_performance' as source_table, v.*
    from (select count(*) filter (where nullif(trim(x.raw_branch), '') is not null) as b_rows,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch = b.name) as b_canonical,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch is distinct from b.name) as b_other,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is null) as b_unmapped,
                 count(*) filter (where nullif(trim(x.raw_user_name), '') is not null) as p_rows,
                 count(*) filter (where nullif(trim(x.raw_user_name), '') is not null and x.sales_person_id is not null and x.raw_user_name = p.full_name) as p_canonical,
                 count(*) filter (where nullif(trim(x.raw_user_name), '') is not null and x.sales_person_id is not null and x.raw_user_name is distinct from p.full_name) as p_other,
                 count(*) filter (where nullif(trim(x.raw_user_name), '') is not null and x.sales_person_id is null) as p_unmapped
            from user_performance x
    left join branch b on b.branch_id = x.branch_id
    left join sales_person p on p.sales_person_id = x.sales_person_id) t
   cross join lateral (values ('branch', t.b_rows, t.b_canonical, t.b_other, t.b_unmapped),
                              ('sales_person', t.p_rows, t.p_canonical, t.p_other, t.p_unmapped)) v(lookup, rows_with_value, canonical_spelling, other_spelling_mapped, unmapped_rows)
  union all
  select 'sales_performance' as source_table, v.*
    from (select count(*) filter (where nullif(trim(x.raw_branch), '') is not null) as b_rows,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch = b.name) as b_canonical,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is not null and x.raw_branch is distinct from b.name) as b_other,
                 count(*) filter (where nullif(trim(x.raw_branch), '') is not null and x.branch_id is null) as b_unmapped,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null) as p_rows,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is not null and x.raw_sales_person = p.full_name) as p_canonical,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is not null and x.raw_sales_person is distinct from p.full_name) as p_other,
                 count(*) filter (where nullif(trim(x.raw_sales_person), '') is not null and x.sales_person_id is null) as p_unmapped
            from sales_performance x
    left join branch b on b.branch_id = x.branch_id
    left join sales_person p on p.sales_person_id = x.sales_person_id) t
   cross join lateral (values ('branch', t.b_rows, t.b_canonical, t.b_other, t.b_unmapped),
                              ('sales_person', t.p_rows, t.p_canonical, t.p_other, t.p_unmapped)) v(lookup, rows_with_value, canonical_spelling, other_spelling_mapped, unmapped_rows)
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
  from counts
 where rows_with_value > 0
 order by source_table, lookup
