-- Per-person figures as the phone system and the CRM report them. Both arrive with raw names;
-- the performance-linkage pipeline sets sales_person_id through the alias table.

-- UserPerformance: telephony per user and branch for a period (a day, a week or a month).
create table user_performance (
  user_performance_id bigint generated always as identity primary key,
  import_batch_id     bigint references import_batch (import_batch_id),
  source_row          integer,
  source_key          text,
  raw_user_name       text not null,
  sales_person_id     bigint references sales_person (sales_person_id),
  branch_id           bigint references branch (branch_id),
  raw_branch          text,
  period_start        date not null,
  period_end          date not null,
  calls_in            integer check (calls_in is null or calls_in >= 0),
  calls_out           integer check (calls_out is null or calls_out >= 0),
  missed_calls        integer check (missed_calls is null or missed_calls >= 0),
  talk_time_seconds   integer check (talk_time_seconds is null or talk_time_seconds >= 0),
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  constraint user_performance_period_order check (period_start <= period_end),
  constraint user_performance_source_key_unique unique (source_key)
);
create index user_performance_import_batch_id_idx on user_performance (import_batch_id);
create index user_performance_sales_person_id_idx on user_performance (sales_person_id);
create index user_performance_branch_id_idx on user_performance (branch_id);
create index user_performance_sales_person_period_idx on user_performance (sales_person_id, period_start);
create index user_performance_branch_period_idx on user_performance (branch_id, period_start);
create index user_performance_raw_user_name_idx on user_performance (raw_user_name);

-- SalesPerformance: the sales funnel per sales person and branch for a period.
create table sales_performance (
  sales_performance_id bigint generated always as identity primary key,
  import_batch_id      bigint references import_batch (import_batch_id),
  source_row           integer,
  source_key           text,
  raw_sales_person     text not null,
  sales_person_id      bigint references sales_person (sales_person_id),
  branch_id            bigint references branch (branch_id),
  raw_branch           text,
  period_start         date not null,
  period_end           date not null,
  leads_received       integer check (leads_received is null or leads_received >= 0),
  quotes_sent          integer check (quotes_sent is null or quotes_sent >= 0),
  booked_count         integer check (booked_count is null or booked_count >= 0),
  booked_revenue       numeric(14, 2),
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  constraint sales_performance_period_order check (period_start <= period_end),
  constraint sales_performance_source_key_unique unique (source_key)
);
create index sales_performance_import_batch_id_idx on sales_performance (import_batch_id);
create index sales_performance_sales_person_id_idx on sales_performance (sales_person_id);
create index sales_performance_branch_id_idx on sales_performance (branch_id);
create index sales_performance_sales_person_period_idx on sales_performance (sales_person_id, period_start);
create index sales_performance_branch_period_idx on sales_performance (branch_id, period_start);
create index sales_performance_raw_sales_person_idx on sales_performance (raw_sales_person);
