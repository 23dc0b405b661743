-- LeadStatus is the pool of all leads; bad and lost leads are compiled into it by the pipelines.
create table lead_status (
  lead_id               bigint generated always as identity primary key,
  import_batch_id       bigint references import_batch (import_batch_id),
  source_row            integer,
  source_key            text,
  quote_number          text,
  raw_quote_number      text,
  customer_id           bigint references customer (customer_id),
  booked_opportunity_id bigint references booked_opportunity (booked_opportunity_id),
  first_name            text,
  last_name             text,
  raw_customer_name     text,
  email                 text,
  raw_email             text,
  phone                 text,
  raw_phone             text,
  lead_source_id        bigint references lead_source (lead_source_id),
  raw_lead_source       text,
  branch_id             bigint references branch (branch_id),
  raw_branch            text,
  sales_person_id       bigint references sales_person (sales_person_id),
  raw_sales_person      text,
  status                text not null check (status in ('NEW', 'CONTACTED', 'QUOTED', 'BOOKED', 'LOST', 'BAD')),
  raw_status            text,
  received_at           timestamptz,
  move_date             date,
  origin_city           text,
  origin_state          text,
  destination_city      text,
  destination_state     text,
  move_size             text,
  estimated_amount      numeric(12, 2),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  constraint lead_status_source_key_unique unique (source_key)
);
create index lead_status_import_batch_id_idx on lead_status (import_batch_id);
create index lead_status_quote_number_idx on lead_status (quote_number);
create index lead_status_customer_id_idx on lead_status (customer_id);
create index lead_status_booked_opportunity_id_idx on lead_status (booked_opportunity_id);
create index lead_status_lead_source_id_idx on lead_status (lead_source_id);
create index lead_status_branch_id_idx on lead_status (branch_id);
create index lead_status_sales_person_id_idx on lead_status (sales_person_id);
create index lead_status_status_received_idx on lead_status (status, received_at);
create index lead_status_branch_received_idx on lead_status (branch_id, received_at);
create index lead_status_sales_person_received_idx on lead_status (sales_person_id, received_at);
create index lead_status_lead_source_received_idx on lead_status (lead_source_id, received_at);
create index lead_status_email_idx on lead_status (lower(email));
create index lead_status_phone_idx on lead_status (phone);

-- A lead rejected as bad (spam, wrong number, out of area…). Links to its LeadStatus row and customer.
create table bad_lead (
  bad_lead_id       bigint generated always as identity primary key,
  import_batch_id   bigint references import_batch (import_batch_id),
  source_row        integer,
  source_key        text,
  lead_id           bigint references lead_status (lead_id),
  customer_id       bigint references customer (customer_id),
  link_method       text check (link_method in ('quote_number', 'contact_and_date')),
  quote_number      text,
  raw_quote_number  text,
  reason            text,
  raw_reason        text,
  received_at       timestamptz,
  first_name        text,
  last_name         text,
  raw_customer_name text,
  email             text,
  raw_email         text,
  phone             text,
  raw_phone         text,
  lead_source_id    bigint references lead_source (lead_source_id),
  raw_lead_source   text,
  branch_id         bigint references branch (branch_id),
  raw_branch        text,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  constraint bad_lead_source_key_unique unique (source_key)
);
create index bad_lead_import_batch_id_idx on bad_lead (import_batch_id);
create index bad_lead_lead_id_idx on bad_lead (lead_id);
create index bad_lead_customer_id_idx on bad_lead (customer_id);
create index bad_lead_lead_source_id_idx on bad_lead (lead_source_id);
create index bad_lead_branch_id_idx on bad_lead (branch_id);
create index bad_lead_quote_number_idx on bad_lead (quote_number);
create index bad_lead_received_idx on bad_lead (received_at);

-- A quote that was lost (price, timing, competitor…). Links to the opportunity through the quote number.
create table lost_lead (
  lost_lead_id          bigint generated always as identity primary key,
  import_batch_id       bigint references import_batch (import_batch_id),
  source_row            integer,
  source_key            text,
  quote_number          text,
  raw_quote_number      text,
  lead_id               bigint references lead_status (lead_id),
  booked_opportunity_id bigint references booked_opportunity (booked_opportunity_id),
  customer_id           bigint references customer (customer_id),
  lost_at               date,
  reason                text,
  raw_reason            text,
  lead_source_id        bigint references lead_source (lead_source_id),
  raw_lead_source       text,
  sales_person_id       bigint references sales_person (sales_person_id),
  raw_sales_person      text,
  branch_id             bigint references branch (branch_id),
  raw_branch            text,
  estimated_amount      numeric(12, 2),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  constraint lost_lead_source_key_unique unique (source_key)
);
create index lost_lead_import_batch_id_idx on lost_lead (import_batch_id);
create index lost_lead_lead_id_idx on lost_lead (lead_id);
create index lost_lead_booked_opportunity_id_idx on lost_lead (booked_opportunity_id);
create index lost_lead_customer_id_idx on lost_lead (customer_id);
create index lost_lead_lead_source_id_idx on lost_lead (lead_source_id);
create index lost_lead_sales_person_id_idx on lost_lead (sales_person_id);
create index lost_lead_branch_id_idx on lost_lead (branch_id);
create index lost_lead_quote_number_idx on lost_lead (quote_number);
create index lost_lead_lost_at_idx on lost_lead (lost_at);
create index lost_lead_sales_person_lost_idx on lost_lead (sales_person_id, lost_at);
