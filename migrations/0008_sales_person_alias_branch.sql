-- A raw sales-person spelling may name different people in different branches: Denver's John Smith
-- and Atlanta's John R. Smith can both be written "John Smith". An alias is therefore a raw spelling
-- optionally qualified by the branch row it was seen with. For a data row, the alias qualified with
-- the row's branch wins; otherwise the spelling's unqualified alias (branch_id null) applies.
alter table sales_person_alias add column branch_id bigint references branch (branch_id);
alter table sales_person_alias drop constraint sales_person_alias_raw_name_unique;
-- One unqualified alias per spelling, and one per spelling and branch (PostgreSQL 14 has no
-- NULLS NOT DISTINCT, hence two partial indexes).
create unique index sales_person_alias_raw_name_unique on sales_person_alias (raw_name) where branch_id is null;
create unique index sales_person_alias_raw_name_branch_unique on sales_person_alias (raw_name, branch_id) where branch_id is not null;
create index sales_person_alias_branch_id_idx on sales_person_alias (branch_id);
