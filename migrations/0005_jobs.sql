-- A job is a move performed (or scheduled) for a booked opportunity, 2019–2025.
-- Only BOOKED and CLOSED jobs are linked to customers; the check constraint keeps it so.
create table job (
  job_id                bigint generated always as identity primary key,
  import_batch_id       bigint references import_batch (import_batch_id),
  source_row            integer,
  source_key            text,
  job_number            text not null,
  quote_number          text,
  raw_quote_number      text,
  booked_opportunity_id bigint references booked_opportunity (booked_opportunity_id),
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
  job_date              date not null,
  status                text not null check (status in ('PENDING', 'BOOKED', 'CLOSED', 'CANCELLED', 'POSTPONED')),
  raw_status            text,
  service_type          text,
  move_size             text,
  revenue               numeric(12, 2),
  labor_cost            numeric(12, 2),
  truck_cost            numeric(12, 2),
  materials_cost        numeric(12, 2),
  other_cost            numeric(12, 2),
  origin_city           text,
  origin_state          text,
  destination_city      text,
  destination_state     text,
  crew_size             smallint check (crew_size is null or crew_size between 0 and 50),
  hours                 numeric(6, 2) check (hours is null or hours >= 0),
  distance_miles        numeric(8, 1) check (distance_miles is null or distance_miles >= 0),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  constraint job_source_key_unique unique (source_key),
  constraint job_customer_only_when_booked_or_closed check (customer_id is null or status in ('BOOKED', 'CLOSED'))
);
create index job_import_batch_id_idx on job (import_batch_id);
create index job_job_number_idx on job (job_number);
create index job_quote_number_idx on job (quote_number);
create index job_booked_opportunity_id_idx on job (booked_opportunity_id);
create index job_customer_id_idx on job (customer_id);
create index job_branch_id_idx on job (branch_id);
create index job_sales_person_id_idx on job (sales_person_id);
create index job_lead_source_id_idx on job (lead_source_id);
create index job_status_date_idx on job (status, job_date);
create index job_branch_date_idx on job (branch_id, job_date);
create index job_sales_person_date_idx on job (sales_person_id, job_date);
create index job_lead_source_date_idx on job (lead_source_id, job_date);
create index job_date_idx on job (job_date);
