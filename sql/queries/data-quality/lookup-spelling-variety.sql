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
with lead_rows as (
  -- One scan: the rows per branch, per lead source and per sales person (in each grouping set the
  -- other two ids are null, so each join below meets only its own set).
  select branch_id, lead_source_id, sales_person_id, count(*) as n
    from lead_status group by grouping sets ((branch_id), (lead_source_id), (sales_person_id))
), job_rows as (
  select branch_id, lead_source_id, sales_person_id, count(*) as n
    from job group by grouping sets ((branch_id), (lead_source_id), (sales_person_id))
), entries as (
  select 'branch' as entity_kind, b.branch_id as canonical_id, b.name as canonical_name,
         (select count(*) from branch_alias a where a.branch_id = b.branch_id) as alias_count,
         (select string_agg('"' || a.raw_name || '"', ', ' order by a.raw_name) from branch_alias a where a.branch_id = b.branch_id) as spellings,
         coalesce(l.n, 0) as lead_rows,
         coalesce(j.n, 0) as job_rows
    from branch b
    left join lead_rows l on l.branch_id = b.branch_id
    left join job_rows j on j.branch_id = b.branch_id
  union all
  select 'lead_source', s.lead_source_id, s.name,
         (select count(*) from lead_source_alias a where a.lead_source_id = s.lead_source_id),
         (select string_agg('"' || a.raw_name || '"', ', ' order by a.raw_name) from lead_source_alias a where a.lead_source_id = s.lead_source_id),
         coalesce(l.n, 0),
         coalesce(j.n, 0)
    from lead_source s
    left join lead_rows l on l.lead_source_id = s.lead_source_id
    left join job_rows j on j.lead_source_id = s.lead_source_id
  union all
  select 'sales_person', p.sales_person_id, p.full_name,
         (select count(*) from sales_person_alias a where a.sales_person_id = p.sales_person_id),
         (select string_agg('"' || a.raw_name || '"', ', ' order by a.raw_name) from sales_person_alias a where a.sales_person_id = p.sales_person_id),
         coalesce(l.n, 0),
         coalesce(j.n, 0)
    from sales_person p
    left join lead_rows l on l.sales_person_id = p.sales_person_id
    left join job_rows j on j.sales_person_id = p.sales_person_id
)
select entity_kind, canonical_id, canonical_name, alias_count, spellings, lead_rows, job_rows
  from entries
 where (:entity_kind::text = '' or entity_kind = :entity_kind)
 order by alias_count desc, lead_rows desc, canonical_name
