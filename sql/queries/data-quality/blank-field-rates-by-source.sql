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
-- Every table's fields side by side (NULL where a table lacks one): each table is read once and
-- counted once, and the counts are then turned into one row per field the table has. No row of the
-- data is multiplied by its fields.
with cells as (
  select 'lead_status' as source_table, true as normalizes_contacts,
         raw_email, email, raw_phone, phone, quote_number, raw_lead_source, raw_branch, raw_sales_person,
         move_date, destination_city, move_size, estimated_amount, null::text as reason, null::text as service_type,
         null::numeric as distance_miles, null::boolean as no_crew, null::boolean as no_hours, null::boolean as no_revenue
    from lead_status where :source_table::text in ('', 'lead_status')
  union all
  select 'bad_lead', true, raw_email, email, raw_phone, phone, quote_number, raw_lead_source, raw_branch, null,
         null, null, null, null, reason, null, null, null, null, null
    from bad_lead where :source_table::text in ('', 'bad_lead')
  union all
  select 'lost_lead', false, null, null, null, null, quote_number, raw_lead_source, raw_branch, raw_sales_person,
         null, null, null, estimated_amount, reason, null, null, null, null, null
    from lost_lead where :source_table::text in ('', 'lost_lead')
  union all
  select 'booked_opportunity', false, raw_email, null, raw_phone, null, null, raw_lead_source, raw_branch, raw_sales_person,
         move_date, null, null, estimated_amount, null, service_type, null, null, null, null
    from booked_opportunity where :source_table::text in ('', 'booked_opportunity')
  union all
  select 'job', false, raw_email, null, raw_phone, null, quote_number, raw_lead_source, raw_branch, raw_sales_person,
         null, null, null, null, null, null, distance_miles,
         status = 'CLOSED' and crew_size is null, status = 'CLOSED' and hours is null, status = 'CLOSED' and revenue is null
    from job where :source_table::text in ('', 'job')
), counts as (
  select source_table,
         count(*) as rows_total,
         count(*) filter (where nullif(trim(raw_email), '') is null) as email_blank,
         count(*) filter (where normalizes_contacts and nullif(trim(raw_email), '') is not null and email is null) as email_unreadable,
         count(*) filter (where nullif(trim(raw_phone), '') is null) as phone_blank,
         count(*) filter (where normalizes_contacts and nullif(trim(raw_phone), '') is not null and phone is null) as phone_unreadable,
         count(*) filter (where quote_number is null) as quote_number_blank,
         count(*) filter (where nullif(trim(raw_lead_source), '') is null) as lead_source_blank,
         count(*) filter (where nullif(trim(raw_branch), '') is null) as branch_blank,
         count(*) filter (where nullif(trim(raw_sales_person), '') is null) as sales_person_blank,
         count(*) filter (where move_date is null) as move_date_blank,
         count(*) filter (where nullif(trim(destination_city), '') is null) as destination_city_blank,
         count(*) filter (where nullif(trim(move_size), '') is null) as move_size_blank,
         count(*) filter (where estimated_amount is null) as estimated_amount_blank,
         count(*) filter (where nullif(trim(reason), '') is null) as reason_blank,
         count(*) filter (where nullif(trim(service_type), '') is null) as service_type_blank,
         count(*) filter (where distance_miles is null) as distance_miles_blank,
         count(*) filter (where no_crew) as crew_blank,
         count(*) filter (where no_hours) as hours_blank,
         count(*) filter (where no_revenue) as revenue_blank
    from cells
   group by source_table
), fields (source_table, field) as (
  values ('lead_status', 'email'), ('lead_status', 'phone'), ('lead_status', 'quote_number'), ('lead_status', 'lead_source'),
         ('lead_status', 'branch'), ('lead_status', 'sales_person'), ('lead_status', 'move_date'), ('lead_status', 'destination_city'),
         ('lead_status', 'move_size'), ('lead_status', 'estimated_amount'),
         ('bad_lead', 'email'), ('bad_lead', 'phone'), ('bad_lead', 'quote_number'), ('bad_lead', 'lead_source'),
         ('bad_lead', 'branch'), ('bad_lead', 'reason'),
         ('lost_lead', 'quote_number'), ('lost_lead', 'reason'), ('lost_lead', 'lead_source'), ('lost_lead', 'sales_person'),
         ('lost_lead', 'branch'), ('lost_lead', 'estimated_amount'),
         ('booked_opportunity', 'email'), ('booked_opportunity', 'phone'), ('booked_opportunity', 'lead_source'),
         ('booked_opportunity', 'sales_person'), ('booked_opportunity', 'branch'), ('booked_opportunity', 'move_date'),
         ('booked_opportunity', 'service_type'), ('booked_opportunity', 'estimated_amount'),
         ('job', 'email'), ('job', 'phone'), ('job', 'quote_number'), ('job', 'lead_source'), ('job', 'sales_person'),
         ('job', 'branch'), ('job', 'distance_miles'), ('job', 'crew_size (closed jobs)'), ('job', 'hours (closed jobs)'),
         ('job', 'revenue (closed jobs)')
), checks as (
  select c.source_table, f.field, c.rows_total, v.blank_rows, v.unreadable_rows
    from counts c
   cross join lateral (values ('email', c.email_blank, c.email_unreadable),
                              ('phone', c.phone_blank, c.phone_unreadable),
                              ('quote_number', c.quote_number_blank, 0::bigint),
                              ('lead_source', c.lead_source_blank, 0::bigint),
                              ('branch', c.branch_blank, 0::bigint),
                              ('sales_person', c.sales_person_blank, 0::bigint),
                              ('move_date', c.move_date_blank, 0::bigint),
                              ('destination_city', c.destination_city_blank, 0::bigint),
                              ('move_size', c.move_size_blank, 0::bigint),
                              ('estimated_amount', c.estimated_amount_blank, 0::bigint),
                              ('reason', c.reason_blank, 0::bigint),
                              ('service_type', c.service_type_blank, 0::bigint),
                              ('distance_miles', c.distance_miles_blank, 0::bigint),
                              ('crew_size (closed jobs)', c.crew_blank, 0::bigint),
                              ('hours (closed jobs)', c.hours_blank, 0::bigint),
                              ('revenue (closed jobs)', c.revenue_blank, 0::bigint)) v(field, blank_rows, unreadable_rows)
    join fields f on f.source_table = c.source_table and f.field = v.field
)
select source_table || '.' || field as field_label,
       source_table,
       field,
       rows_total,
       blank_rows,
       round(blank_rows::numeric / rows_total, 4) as blank_rate,
       unreadable_rows,
       round(unreadable_rows::numeric / rows_total, 4) as unreadable_rate
  from checks
 order by source_table, blank_rate desc, field
