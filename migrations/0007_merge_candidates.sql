-- The review queue: clusters of raw spellings that probably name one sales person, branch or lead
-- source but differ beyond normalization. Pipelines write them; nothing merges until a reviewer
-- decides (mapping_decision). cluster_key identifies a cluster by its members, so a second pipeline
-- run finds the candidate it wrote before instead of adding a copy.
create table merge_candidate (
  merge_candidate_id  bigint generated always as identity primary key,
  entity_kind         text not null check (entity_kind in ('sales_person', 'branch', 'lead_source')),
  cluster_key         text not null,
  canonical_name      text not null,
  members             jsonb not null,
  score               numeric(4, 3) not null check (score between 0 and 1),
  evidence            jsonb not null default '[]'::jsonb,
  status              text not null default 'pending' check (status in ('pending', 'merged', 'kept_separate', 'superseded')),
  mapping_decision_id bigint references mapping_decision (mapping_decision_id),
  created_at          timestamptz not null default now(),
  resolved_at         timestamptz,
  constraint merge_candidate_cluster_unique unique (entity_kind, cluster_key)
);
create index merge_candidate_mapping_decision_id_idx on merge_candidate (mapping_decision_id);
create index merge_candidate_status_idx on merge_candidate (entity_kind, status);
