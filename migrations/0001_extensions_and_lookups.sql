-- Extensions used for fuzzy matching, and the three lookups with their alias tables.
-- Both extensions are "trusted" since PostgreSQL 13, so a database owner can create them.
create extension if not exists pg_trgm;
create extension if not exists fuzzystrmatch;

-- Branch: one row per real branch office. name_key is the normalized spelling used for matching.
create table branch (
  branch_id   bigint generated always as identity primary key,
  name        text not null,
  name_key    text not null,
  city        text,
  state       text,
  created_at  timestamptz not null default now(),
  constraint branch_name_key_unique unique (name_key)
);

-- An alias is one raw spelling exactly as a source wrote it, pointing at its canonical row.
-- Normalization never overwrites the source: data rows keep raw_* text and join here.
create table branch_alias (
  branch_alias_id bigint generated always as identity primary key,
  raw_name        text not null,
  branch_id       bigint not null references branch (branch_id),
  origin          text not null default 'pipeline' check (origin in ('pipeline', 'reviewer', 'import')),
  created_at      timestamptz not null default now(),
  constraint branch_alias_raw_name_unique unique (raw_name)
);
create index branch_alias_branch_id_idx on branch_alias (branch_id);

create table lead_source (
  lead_source_id bigint generated always as identity primary key,
  name           text not null,
  name_key       text not null,
  channel        text,
  created_at     timestamptz not null default now(),
  constraint lead_source_name_key_unique unique (name_key)
);

create table lead_source_alias (
  lead_source_alias_id bigint generated always as identity primary key,
  raw_name             text not null,
  lead_source_id       bigint not null references lead_source (lead_source_id),
  origin               text not null default 'pipeline' check (origin in ('pipeline', 'reviewer', 'import')),
  created_at           timestamptz not null default now(),
  constraint lead_source_alias_raw_name_unique unique (raw_name)
);
create index lead_source_alias_lead_source_id_idx on lead_source_alias (lead_source_id);

-- SalesPerson: one row per real person. Two people may share a display name, so name_key is not unique;
-- the alias table decides which person a raw spelling means.
create table sales_person (
  sales_person_id bigint generated always as identity primary key,
  full_name       text not null,
  first_name      text,
  last_name       text,
  name_key        text not null,
  home_branch_id  bigint references branch (branch_id),
  active          boolean not null default true,
  created_at      timestamptz not null default now()
);
create index sales_person_name_key_idx on sales_person (name_key);
create index sales_person_home_branch_id_idx on sales_person (home_branch_id);

create table sales_person_alias (
  sales_person_alias_id bigint generated always as identity primary key,
  raw_name              text not null,
  sales_person_id       bigint not null references sales_person (sales_person_id),
  origin                text not null default 'pipeline' check (origin in ('pipeline', 'reviewer', 'import')),
  created_at            timestamptz not null default now(),
  constraint sales_person_alias_raw_name_unique unique (raw_name)
);
create index sales_person_alias_sales_person_id_idx on sales_person_alias (sales_person_id);
