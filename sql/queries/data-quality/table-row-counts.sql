-- name: Rows per table
-- description: How many rows each model table holds right now. A first look after an import: an
--   empty table means a source file is missing or was rejected.
-- category: Data Quality
-- tags: import, completeness, tables, counts
-- chart: bar x=table_name y=row_count
-- format: row_count=integer
select 'lead_status' as table_name, count(*) as row_count from lead_status
union all select 'bad_lead', count(*) from bad_lead
union all select 'lost_lead', count(*) from lost_lead
union all select 'customer', count(*) from customer
union all select 'booked_opportunity', count(*) from booked_opportunity
union all select 'job', count(*) from job
union all select 'user_performance', count(*) from user_performance
union all select 'sales_performance', count(*) from sales_performance
union all select 'sales_person', count(*) from sales_person
union all select 'branch', count(*) from branch
union all select 'lead_source', count(*) from lead_source
