-- What the query library would pay if the pipelines' links lived apart from the fact rows
-- (docs/benchmarks.md, "The pipelines", seventh session). Run on a COPY of a database the pipelines
-- have run on; it changes that database's default search_path:
--
--   createdb -T wb_bench_queries_100000 wb_bench_link_views
--   psql -X -v ON_ERROR_STOP=1 -d wb_bench_link_views -f bench/link-views.sql
--   npx tsx bench/queries.ts --database-url postgres://…/wb_bench_link_views --no-embedded
--
-- For every fact table the pipelines link, `link_store.<table>` holds its key and its link columns
-- (one narrow row per fact row: what a step would rewrite instead of the wide row), and the view
-- `link_view.<table>` shows the fact table as the library reads it today, the same columns in the same
-- order, the link columns taken from the narrow table. With `link_view` first on the search_path the
-- library's queries read the views unchanged. The fact rows keep their own link columns; no query
-- reads them there any more.
create schema link_store;
create schema link_view;

do $$
declare
  spec record;
  columns text;
begin
  for spec in
    select * from (values
      ('job', 'job_id', array['branch_id', 'lead_source_id', 'customer_id', 'sales_person_id', 'booked_opportunity_id']),
      ('booked_opportunity', 'booked_opportunity_id', array['branch_id', 'lead_source_id', 'customer_id', 'sales_person_id']),
      ('lead_status', 'lead_id', array['branch_id', 'lead_source_id', 'customer_id', 'sales_person_id', 'booked_opportunity_id']),
      ('bad_lead', 'bad_lead_id', array['branch_id', 'lead_source_id', 'customer_id', 'lead_id']),
      ('lost_lead', 'lost_lead_id', array['branch_id', 'lead_source_id', 'customer_id', 'sales_person_id', 'booked_opportunity_id', 'lead_id']),
      ('user_performance', 'user_performance_id', array['branch_id', 'sales_person_id']),
      ('sales_performance', 'sales_performance_id', array['branch_id', 'sales_person_id'])
    ) s (fact, key, links)
  loop
    execute format('create table link_store.%I as select %I, %s from public.%I order by 1',
      spec.fact, spec.key, (select string_agg(quote_ident(c), ', ') from unnest(spec.links) c), spec.fact);
    execute format('alter table link_store.%I add primary key (%I)', spec.fact, spec.key);
    execute format('analyze link_store.%I', spec.fact);
    select string_agg(case when a.attname = any (spec.links) then 'l.' else 't.' end || quote_ident(a.attname), ', ' order by a.attnum)
      into columns
      from pg_attribute a
     where a.attrelid = format('public.%I', spec.fact)::regclass and a.attnum > 0 and not a.attisdropped;
    execute format('create view link_view.%I as select %s from public.%I t join link_store.%I l on l.%I = t.%I',
      spec.fact, columns, spec.fact, spec.fact, spec.key, spec.key);
  end loop;
  execute format('alter database %I set search_path = link_view, public', current_database());
end
$$;
