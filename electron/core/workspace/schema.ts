/**
 * The workspace store's own migrations, applied in order and tracked with SQLite's user_version.
 * Forward-only, like the analytics database's: never edit one that has shipped.
 */
export const workspaceMigrations: readonly string[] = [
  `
  create table connection_profile (
    id              integer primary key,
    name            text not null unique,
    engine          text not null check (engine in ('embedded', 'server')),
    -- a server URL without its password, or an embedded folder
    location        text not null,
    password_cipher blob,
    created_at      text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  create table query_history (
    id          integer primary key,
    database    text not null,
    sql         text not null,
    params      text not null default '[]',
    query_slug  text,
    status      text not null check (status in ('ok', 'error', 'cancelled')),
    row_count   integer,
    duration_ms integer,
    error       text,
    started_at  text not null
  );
  create index query_history_started_idx on query_history (started_at);
  create table favourite (
    query_slug text primary key,
    added_at   text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  create table setting (
    key   text primary key,
    value text not null
  );
  `,
];
