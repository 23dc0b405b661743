-- The pipelines write the link columns (branch, lead source, sales person, opportunity, customer,
-- lead) of every fact row, several times on a first run. An UPDATE that changes an indexed column
-- writes a new entry into every index of the table (15 on job), and that was nine tenths of a
-- pipeline's time (docs/benchmarks.md, "The pipelines"). With no index on a column the pipelines
-- write, and room left on each page, PostgreSQL updates the row in place on its page (a HOT update)
-- and touches no index at all.
--
-- So: the link columns of the five fact tables carry no index. Analytics queries aggregate these
-- tables with sequential scans and hash joins, which need none; the foreign keys stay, and the rare
-- delete of a lookup or customer row checks them with a scan. Each fact table keeps half of every
-- page free for the new row versions of a pipeline run (fillfactor 50); the space of the old versions
-- is reclaimed on the page by the next access once the step has committed.
-- tests/integration/migrations.test.ts lists these columns as the deliberate exceptions to
-- "every foreign key is indexed".

drop index job_booked_opportunity_id_idx, job_customer_id_idx, job_branch_id_idx, job_sales_person_id_idx,
  job_lead_source_id_idx, job_branch_date_idx, job_sales_person_date_idx, job_lead_source_date_idx;

drop index booked_opportunity_customer_id_idx, booked_opportunity_branch_id_idx, booked_opportunity_sales_person_id_idx,
  booked_opportunity_lead_source_id_idx, booked_opportunity_branch_booked_idx, booked_opportunity_sales_person_booked_idx,
  booked_opportunity_lead_source_booked_idx;

drop index lead_status_customer_id_idx, lead_status_booked_opportunity_id_idx, lead_status_lead_source_id_idx,
  lead_status_branch_id_idx, lead_status_sales_person_id_idx, lead_status_branch_received_idx,
  lead_status_sales_person_received_idx, lead_status_lead_source_received_idx;

drop index bad_lead_lead_id_idx, bad_lead_customer_id_idx, bad_lead_lead_source_id_idx, bad_lead_branch_id_idx;

drop index lost_lead_lead_id_idx, lost_lead_booked_opportunity_id_idx, lost_lead_customer_id_idx, lost_lead_lead_source_id_idx,
  lost_lead_sales_person_id_idx, lost_lead_branch_id_idx, lost_lead_sales_person_lost_idx;

-- Dates stay indexed for date-range filters.
create index lead_status_received_idx on lead_status (received_at);
create index booked_opportunity_booked_idx on booked_opportunity (booked_at);

alter table job set (fillfactor = 50);
alter table booked_opportunity set (fillfactor = 50);
alter table lead_status set (fillfactor = 50);
alter table bad_lead set (fillfactor = 50);
alter table lost_lead set (fillfactor = 50);
alter table customer set (fillfactor = 50);
