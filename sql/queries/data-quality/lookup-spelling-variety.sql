-- name: Raw spellings behind each branch, lead source and sales person
-- description: For every canonical branch, lead source and sales person, how many raw spellings
--   (aliases) point to it, which ones, and how many lead-pool and job rows it carries. Many aliases is
--   normal for busy names (Google Ads has case and spacing variants); a canonical row with one alias and
--   few rows is often itself a variant that should be merged into a bigger one — compare with the merge
--   candidates query. Sales persons appear once the sales-person pipeline has filled its alias table.
-- category: Data Quality
-- tags: aliases, spellings, lookups, normalization, branch, lead source
-- param: entity_kind text = "" "Kind (blank for all: branch, lead_source or sales_person)"
-- chart: bar x=canonical_name y=alias_count
-- format: canonical_id=integer, alias_count=integer, lead_rows=integer, job_rows=integer
with entries as (
  select 'branch' as entity_kind, b.branch_id as canonical_id, b.name as canonical_name,
         (select count(*) from branch_alias a where a.branch_id = b.branch_id) as alias_count,
         (select string_agg('"' || a.raw_name || '"', ', ' order by a.raw_name) from branch_alias a where a.branch_id = b.branch_id) as spellings,
         (select count(*) from lead_status l where l.branch_id = b.branch_id) as lead_rows,
         (select count(*) from job j where j.branch_id = b.branch_id) as job_rows
    from branch b
  union all
  select 'lead_source', s.lead_source_id, s.name,
         (select count(*) from lead_source_alias a where a.lead_source_id = s.lead_source_id),
         (select string_agg('"' || a.raw_name || '"', ', ' order by a.raw_name) from lead_source_alias a where a.lead_source_id = s.lead_source_id),
         (select count(*) from lead_status l where l.lead_source_id = s.lead_source_id),
         (select count(*) from job j where j.lead_source_id = s.lead_source_id)
    from lead_source s
  union all
  select 'sales_person', p.sales_person_id, p.full_name,
         (select count(*) from sales_person_alias a where a.sales_person_id = p.sales_person_id),
         (select string_agg('"' || a.raw_name || '"', ', ' order by a.raw_name) from sales_person_alias a where a.sales_person_id = p.sales_person_id),
         (select count(*) from lead_status l where l.sales_person_id = p.sales_person_id),
         (select count(*) from job j where j.sales_person_id = p.sales_person_id)
    from sales_person p
)
select entity_kind, canonical_id, canonical_name, alias_count, spellings, lead_rows, job_rows
  from entries
 where (:entity_kind::text = '' or entity_kind = :entity_kind)
 order by alias_count desc, lead_rows desc, canonical_name
