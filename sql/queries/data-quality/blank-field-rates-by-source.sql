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
-- Each table is read once and counted in one aggregate row, which is then turned into one row per
-- field: no row of the data is multiplied by its fields.
with checks as (
  select 'lead_status' as source_table, f.field, t.rows_total, f.blank_rows, f.unreadable_rows
    from (select count(*) as rows_total,
               count(*) filter (where nullif(trim(x.raw_email), '') is null) as b1,
               count(*) filter (where nullif(trim(x.raw_email), '') is not null and x.email is null) as u1,
               count(*) filter (where nullif(trim(x.raw_phone), '') is null) as b2,
               count(*) filter (where nullif(trim(x.raw_phone), '') is not null and x.phone is null) as u2,
               count(*) filter (where x.quote_number is null) as b3,
               count(*) filter (where nullif(trim(x.raw_lead_source), '') is null) as b4,
               count(*) filter (where nullif(trim(x.raw_branch), '') is null) as b5,
               count(*) filter (where nullif(trim(x.raw_sales_person), '') is null) as b6,
               count(*) filter (where x.move_date is null) as b7,
               count(*) filter (where nullif(trim(x.destination_city), '') is null) as b8,
               count(*) filter (where nullif(trim(x.move_size), '') is null) as b9,
               count(*) filter (where x.estimated_amount is null) as b10
            from lead_status x where :source_table::text in ('', 'lead_status')) t
   cross join lateral (values ('email', t.b1, t.u1),
                              ('phone', t.b2, t.u2),
                              ('quote_number', t.b3, 0::bigint),
                              ('lead_source', t.b4, 0::bigint),
                              ('branch', t.b5, 0::bigint),
                              ('sales_person', t.b6, 0::bigint),
                              ('move_date', t.b7, 0::bigint),
                              ('destination_city', t.b8, 0::bigint),
                              ('move_size', t.b9, 0::bigint),
                              ('estimated_amount', t.b10, 0::bigint)) as f(field, blank_rows, unreadable_rows)
   where t.rows_total > 0
  union all
  select 'bad_lead' as source_table, f.field, t.rows_total, f.blank_rows, f.unreadable_rows
    from (select count(*) as rows_total,
               count(*) filter (where nullif(trim(x.raw_email), '') is null) as b1,
               count(*) filter (where nullif(trim(x.raw_email), '') is not null and x.email is null) as u1,
               count(*) filter (where nullif(trim(x.raw_phone), '') is null) as b2,
               count(*) filter (where nullif(trim(x.raw_phone), '') is not null and x.phone is null) as u2,
               count(*) filter (where x.quote_number is null) as b3,
               count(*) filter (where nullif(trim(x.raw_lead_source), '') is null) as b4,
               count(*) filter (where nullif(trim(x.raw_branch), '') is null) as b5,
               count(*) filter (where nullif(trim(x.reason), '') is null) as b6
            from bad_lead x where :source_table::text in ('', 'bad_lead')) t
   cross join lateral (values ('email', t.b1, t.u1),
                              ('phone', t.b2, t.u2),
                              ('quote_number', t.b3, 0::bigint),
                              ('lead_source', t.b4, 0::bigint),
                              ('branch', t.b5, 0::bigint),
                              ('reason', t.b6, 0::bigint)) as f(field, blank_rows, unreadable_rows)
   where t.rows_total > 0
  union all
  select 'lost_lead' as source_table, f.field, t.rows_total, f.blank_rows, f.unreadable_rows
    from (select count(*) as rows_total,
               count(*) filter (where x.quote_number is null) as b1,
               count(*) filter (where nullif(trim(x.reason), '') is null) as b2,
               count(*) filter (where nullif(trim(x.raw_lead_source), '') is null) as b3,
               count(*) filter (where nullif(trim(x.raw_sales_person), '') is null) as b4,
               count(*) filter (where nullif(trim(x.raw_branch), '') is null) as b5,
               count(*) filter (where x.estimated_amount is null) as b6
            from lost_lead x where :source_table::text in ('', 'lost_lead')) t
   cross join lateral (values ('quote_number', t.b1, 0::bigint),
                              ('reason', t.b2, 0::bigint),
                              ('lead_source', t.b3, 0::bigint),
                              ('sales_person', t.b4, 0::bigint),
                              ('branch', t.b5, 0::bigint),
                              ('estimated_amount', t.b6, 0::bigint)) as f(field, blank_rows, unreadable_rows)
   where t.rows_total > 0
  union all
  select 'booked_opportunity' as source_table, f.field, t.rows_total, f.blank_rows, f.unreadable_rows
    from (select count(*) as rows_total,
               count(*) filter (where nullif(trim(x.raw_email), '') is null) as b1,
               count(*) filter (where nullif(trim(x.raw_phone), '') is null) as b2,
               count(*) filter (where nullif(trim(x.raw_lead_source), '') is null) as b3,
               count(*) filter (where nullif(trim(x.raw_sales_person), '') is null) as b4,
               count(*) filter (where nullif(trim(x.raw_branch), '') is null) as b5,
               count(*) filter (where x.move_date is null) as b6,
               count(*) filter (where nullif(trim(x.service_type), '') is null) as b7,
               count(*) filter (where x.estimated_amount is null) as b8
            from booked_opportunity x where :source_table::text in ('', 'booked_opportunity')) t
   cross join lateral (values ('email', t.b1, 0::bigint),
                              ('phone', t.b2, 0::bigint),
                              ('lead_source', t.b3, 0::bigint),
                              ('sales_person', t.b4, 0::bigint),
                              ('branch', t.b5, 0::bigint),
                              ('move_date', t.b6, 0::bigint),
                              ('service_type', t.b7, 0::bigint),
                              ('estimated_amount', t.b8, 0::bigint)) as f(field, blank_rows, unreadable_rows)
   where t.rows_total > 0
  union all
  select 'job' as source_table, f.field, t.rows_total, f.blank_rows, f.unreadable_rows
    from (select count(*) as rows_total,
               count(*) filter (where nullif(trim(x.raw_email), '') is null) as b1,
               count(*) filter (where nullif(trim(x.raw_phone), '') is null) as b2,
               count(*) filter (where x.quote_number is null) as b3,
               count(*) filter (where nullif(trim(x.raw_lead_source), '') is null) as b4,
               count(*) filter (where nullif(trim(x.raw_sales_person), '') is null) as b5,
               count(*) filter (where nullif(trim(x.raw_branch), '') is null) as b6,
               count(*) filter (where x.distance_miles is null) as b7,
               count(*) filter (where x.status = 'CLOSED' and x.crew_size is null) as b8,
               count(*) filter (where x.status = 'CLOSED' and x.hours is null) as b9,
               count(*) filter (where x.status = 'CLOSED' and x.revenue is null) as b10
            from job x where :source_table::text in ('', 'job')) t
   cross join lateral (values ('email', t.b1, 0::bigint),
                              ('phone', t.b2, 0::bigint),
                              ('quote_number', t.b3, 0::bigint),
                              ('lead_source', t.b4, 0::bigint),
                              ('sales_person', t.b5, 0::bigint),
                              ('branch', t.b6, 0::bigint),
                              ('distance_miles', t.b7, 0::bigint),
                              ('crew_size (closed jobs)', t.b8, 0::bigint),
                              ('hours (closed jobs)', t.b9, 0::bigint),
                              ('revenue (closed jobs)', t.b10, 0::bigint)) as f(field, blank_rows, unreadable_rows)
   where t.rows_total > 0
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
