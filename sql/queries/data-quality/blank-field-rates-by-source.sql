-- name: Blank and unreadable fields per source
-- description: For each export and each field analysts rely on, the share of rows where the field is
--   blank, and for e-mail and phone also the share where a value was given but could not be normalized
--   (kept only in raw_email / raw_phone). Compare against what is expected — bad leads often show no
--   quote number, open leads often lack an estimate, lost leads carry no contact fields at all — and
--   watch for a field whose blank rate jumps in a new export: the CRM screen or export template changed.
-- category: Data Quality
-- tags: completeness, blanks, null rates, email, phone
-- param: source_table text = "" "Source (blank for all, e.g. job)"
-- chart: bar x=field_label y=blank_rate,unreadable_rate
-- format: rows_total=integer, blank_rows=integer, blank_rate=percent, unreadable_rows=integer, unreadable_rate=percent
with checks as (
  select 'lead_status' as source_table, f.field, f.blank, f.unreadable
    from lead_status x
   cross join lateral (values
     ('email', nullif(trim(x.raw_email), '') is null, nullif(trim(x.raw_email), '') is not null and x.email is null),
     ('phone', nullif(trim(x.raw_phone), '') is null, nullif(trim(x.raw_phone), '') is not null and x.phone is null),
     ('quote_number', x.quote_number is null, false),
     ('lead_source', nullif(trim(x.raw_lead_source), '') is null, false),
     ('branch', nullif(trim(x.raw_branch), '') is null, false),
     ('sales_person', nullif(trim(x.raw_sales_person), '') is null, false),
     ('move_date', x.move_date is null, false),
     ('destination_city', nullif(trim(x.destination_city), '') is null, false),
     ('move_size', nullif(trim(x.move_size), '') is null, false),
     ('estimated_amount', x.estimated_amount is null, false)) as f(field, blank, unreadable)
  union all
  select 'bad_lead', f.field, f.blank, f.unreadable
    from bad_lead x
   cross join lateral (values
     ('email', nullif(trim(x.raw_email), '') is null, nullif(trim(x.raw_email), '') is not null and x.email is null),
     ('phone', nullif(trim(x.raw_phone), '') is null, nullif(trim(x.raw_phone), '') is not null and x.phone is null),
     ('quote_number', x.quote_number is null, false),
     ('lead_source', nullif(trim(x.raw_lead_source), '') is null, false),
     ('branch', nullif(trim(x.raw_branch), '') is null, false),
     ('reason', nullif(trim(x.reason), '') is null, false)) as f(field, blank, unreadable)
  union all
  select 'lost_lead', f.field, f.blank, f.unreadable
    from lost_lead x
   cross join lateral (values
     ('quote_number', x.quote_number is null, false),
     ('reason', nullif(trim(x.reason), '') is null, false),
     ('lead_source', nullif(trim(x.raw_lead_source), '') is null, false),
     ('sales_person', nullif(trim(x.raw_sales_person), '') is null, false),
     ('branch', nullif(trim(x.raw_branch), '') is null, false),
     ('estimated_amount', x.estimated_amount is null, false)) as f(field, blank, unreadable)
  union all
  select 'booked_opportunity', f.field, f.blank, f.unreadable
    from booked_opportunity x
   cross join lateral (values
     ('email', nullif(trim(x.raw_email), '') is null, false),
     ('phone', nullif(trim(x.raw_phone), '') is null, false),
     ('lead_source', nullif(trim(x.raw_lead_source), '') is null, false),
     ('sales_person', nullif(trim(x.raw_sales_person), '') is null, false),
     ('branch', nullif(trim(x.raw_branch), '') is null, false),
     ('move_date', x.move_date is null, false),
     ('service_type', nullif(trim(x.service_type), '') is null, false),
     ('estimated_amount', x.estimated_amount is null, false)) as f(field, blank, unreadable)
  union all
  select 'job', f.field, f.blank, f.unreadable
    from job x
   cross join lateral (values
     ('email', nullif(trim(x.raw_email), '') is null, false),
     ('phone', nullif(trim(x.raw_phone), '') is null, false),
     ('quote_number', x.quote_number is null, false),
     ('lead_source', nullif(trim(x.raw_lead_source), '') is null, false),
     ('sales_person', nullif(trim(x.raw_sales_person), '') is null, false),
     ('branch', nullif(trim(x.raw_branch), '') is null, false),
     ('distance_miles', x.distance_miles is null, false),
     ('crew_size (closed jobs)', x.status = 'CLOSED' and x.crew_size is null, false),
     ('hours (closed jobs)', x.status = 'CLOSED' and x.hours is null, false),
     ('revenue (closed jobs)', x.status = 'CLOSED' and x.revenue is null, false)) as f(field, blank, unreadable)
)
select source_table || '.' || field as field_label,
       source_table,
       field,
       count(*) as rows_total,
       count(*) filter (where blank) as blank_rows,
       round(avg(blank::int), 4) as blank_rate,
       count(*) filter (where unreadable) as unreadable_rows,
       round(avg(unreadable::int), 4) as unreadable_rate
  from checks
 where (:source_table::text = '' or source_table = :source_table)
 group by source_table, field
 order by source_table, blank_rate desc, field
