-- name: Performance rows with no sales person
-- description: Raw names in the phone report (user_performance) and the sales report (sales_performance)
--   whose rows carry no sales_person_id, with the row counts in each, the periods they span, the branches
--   they report under, and whether the name already has an alias in sales_person_alias (then the
--   linkage simply has not been applied yet) or needs a reviewer. Report-only spellings such as
--   "SMITH, JOHN" or "John S." show up here first. Until performance linkage runs, every name is listed.
-- category: Data Quality
-- tags: orphans, performance, sales person, linkage, names
-- param: period daterange = 2019-01-01..2025-12-31 "Periods starting"
-- param: min_rows integer = 1 "Minimum unlinked rows"
-- chart: bar x=raw_name y=user_performance_rows,sales_performance_rows
-- format: user_performance_rows=integer, sales_performance_rows=integer, first_period=date, last_period=date
with unlinked as (
  select up.raw_user_name as raw_name, 'user' as source, up.period_start, coalesce(up.raw_branch, '') as raw_branch
    from user_performance up
   where up.sales_person_id is null
     and up.period_start between :period_from::date and :period_to::date
  union all
  select s.raw_sales_person, 'sales', s.period_start, coalesce(s.raw_branch, '')
    from sales_performance s
   where s.sales_person_id is null
     and s.period_start between :period_from::date and :period_to::date
)
select u.raw_name,
       count(*) filter (where u.source = 'user') as user_performance_rows,
       count(*) filter (where u.source = 'sales') as sales_performance_rows,
       min(u.period_start) as first_period,
       max(u.period_start) as last_period,
       string_agg(distinct u.raw_branch, ', ') as branches,
       case when exists (select 1 from sales_person_alias a where a.raw_name = u.raw_name) then 'alias exists, not applied'
            else 'no alias yet' end as alias_status
  from unlinked u
 group by u.raw_name
having count(*) >= :min_rows
 order by count(*) desc, u.raw_name
