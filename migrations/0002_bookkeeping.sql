-- Bookkeeping: where every imported row came from, what every pipeline run did, what reviewers decided.

create table import_batch (
  import_batch_id bigint generated always as identity primary key,
  source_kind     text not null check (source_kind in (
                    'lead_status', 'bad_lead', 'lost_lead', 'booked_opportunity', 'job',
                    'user_performance', 'sales_performance')),
  file_name       text not null,
  content_sha256  text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  file_bytes      bigint not null check (file_bytes >= 0),
  status          text not null default 'running' check (status in ('running', 'completed', 'failed')),
  row_count       integer not null default 0 check (row_count >= 0),
  imported_count  integer not null default 0 check (imported_count >= 0),
  rejected_count  integer not null default 0 check (rejected_count >= 0),
  imported_by     text not null default current_user,
  started_at      timestamptz not null default now(),
  finished_at     timestamptz,
  constraint import_batch_counts_reconcile check (status <> 'completed' or row_count = imported_count + rejected_count)
);
-- One completed batch per file content: re-importing the same bytes is a no-op.
create unique index import_batch_completed_sha_idx on import_batch (content_sha256) where status = 'completed';
create index import_batch_source_kind_started_idx on import_batch (source_kind, started_at);

-- Rows an import could not load, with the place and the reason; raw_row keeps every field as text.
create table import_reject (
  import_reject_id bigint generated always as identity primary key,
  import_batch_id  bigint not null references import_batch (import_batch_id) on delete cascade,
  row_number       integer not null check (row_number >= 1),
  column_name      text,
  reason           text not null,
  raw_row          jsonb not null default '{}'::jsonb
);
create index import_reject_import_batch_id_idx on import_reject (import_batch_id);

-- One audit row per pipeline step execution, for plans (dry runs) and runs alike.
create table pipeline_run (
  pipeline_run_id bigint generated always as identity primary key,
  step            text not null,
  mode            text not null check (mode in ('plan', 'run')),
  run_by          text not null default current_user,
  status          text not null default 'running' check (status in ('running', 'completed', 'failed')),
  counts          jsonb not null default '{}'::jsonb,
  error           text,
  started_at      timestamptz not null default now(),
  finished_at     timestamptz,
  duration_ms     integer generated always as (
                    (extract(epoch from (finished_at - started_at)) * 1000)::integer) stored
);
create index pipeline_run_step_started_idx on pipeline_run (step, started_at);

-- A reviewer's decision on a merge candidate, with the state before and after so it can be undone.
create table mapping_decision (
  mapping_decision_id bigint generated always as identity primary key,
  entity_kind         text not null check (entity_kind in ('sales_person', 'branch', 'lead_source')),
  decision            text not null check (decision in ('merge', 'keep_separate', 'undo')),
  target_id           bigint,
  member_names        text[] not null,
  before_state        jsonb not null,
  after_state         jsonb not null,
  note                text,
  decided_by          text not null default current_user,
  decided_at          timestamptz not null default now(),
  undoes_decision_id  bigint references mapping_decision (mapping_decision_id)
);
create index mapping_decision_undoes_decision_id_idx on mapping_decision (undoes_decision_id);
create index mapping_decision_kind_decided_idx on mapping_decision (entity_kind, decided_at);
