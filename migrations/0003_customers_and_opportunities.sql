-- Customer sits at the centre: resolved from the lead pool, with a timeline a pipeline keeps current.
create table customer (
  customer_id      bigint generated always as identity primary key,
  full_name        text not null,
  first_name       text,
  last_name        text,
  email            text,
  email_norm       text,
  phone            text,
  phone_norm       text,
  city             text,
  state            text,
  first_lead_at    date,
  first_booked_at  date,
  first_job_at     date,
  last_job_at      date,
  job_count        integer not null default 0 check (job_count >= 0),
  lifetime_revenue numeric(14, 2) not null default 0,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  constraint customer_timeline_order check (first_job_at is null or last_job_at is null or first_job_at <= last_job_at)
);
create index customer_email_norm_idx on customer (email_norm);
create index customer_phone_norm_idx on customer (phone_norm);
create index customer_last_name_city_idx on customer (lower(last_name), lower(city));

-- A booked opportunity: a quote the customer accepted. quote_number is the normalized key
-- ("Q-001234", "1234" and " 1234 " all become '1234'); raw_quote_number keeps the source's text.
create table booked_opportunity (
  booked_opportunity_id bigint generated always as identity primary key,
  import_batch_id       bigint references import_batch (import_batch_id),
  source_row            integer,
  source_key            text,
  quote_number          text,
  raw_quote_number      text,
  customer_id           bigint references customer (customer_id),
  raw_customer_name     text,
  raw_email             text,
  raw_phone             text,
  branch_id             bigint references branch (branch_id),
  raw_branch            text,
  sales_person_id       bigint references sales_person (sales_person_id),
  raw_sales_person      text,
  lead_source_id        bigint references lead_source (lead_source_id),
  raw_lead_source       text,
  booked_at             date,
  move_date             date,
  service_type          text,
  move_size             text,
  origin_city           text,
  origin_state          text,
  destination_city      text,
  destination_state     text,
  estimated_amount      numeric(12, 2),
  status                text not null check (status in ('BOOKED', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'LOST')),
  raw_status            text,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  constraint booked_opportunity_source_key_unique unique (source_key)
);
create index booked_opportunity_import_batch_id_idx on booked_opportunity (import_batch_id);
create index booked_opportunity_quote_number_idx on booked_opportunity (quote_number);
create index booked_opportunity_customer_id_idx on booked_opportunity (customer_id);
create index booked_opportunity_branch_id_idx on booked_opportunity (branch_id);
create index booked_opportunity_sales_person_id_idx on booked_opportunity (sales_person_id);
create index booked_opportunity_lead_source_id_idx on booked_opportunity (lead_source_id);
create index booked_opportunity_status_booked_idx on booked_opportunity (status, booked_at);
create index booked_opportunity_branch_booked_idx on booked_opportunity (branch_id, booked_at);
create index booked_opportunity_sales_person_booked_idx on booked_opportunity (sales_person_id, booked_at);
create index booked_opportunity_lead_source_booked_idx on booked_opportunity (lead_source_id, booked_at);
