-- The link columns the pipelines write on the fact tables (branch, lead source, sales person,
-- opportunity, customer, lead) lose their foreign-key constraints. A constraint runs a trigger for
-- every row whose link changes: on a first pipeline run that is every row, five times over, and it
-- was more than half of a link UPDATE's time even after migration 0009 made the updates HOT
-- (docs/benchmarks.md, "The pipelines"). The links are derived data, recomputed from the raw values
-- kept beside them; the pipelines take every value from the referenced table in the same
-- transaction, and every link statement checks the values it wrote before the step commits, so a dangling
-- link fails the step (electron/core/pipeline/links.ts lists the columns). Nothing in the product
-- deletes lookup, customer, opportunity or lead rows. A distributed PostgreSQL (Citus) could not
-- keep most of these constraints anyway: a foreign key between two distributed tables must follow
-- their shared distribution column.
--
-- The constraints on import_batch_id stay: imports write them once per row.

alter table job
  drop constraint job_branch_id_fkey,
  drop constraint job_lead_source_id_fkey,
  drop constraint job_customer_id_fkey,
  drop constraint job_sales_person_id_fkey,
  drop constraint job_booked_opportunity_id_fkey;

alter table booked_opportunity
  drop constraint booked_opportunity_branch_id_fkey,
  drop constraint booked_opportunity_lead_source_id_fkey,
  drop constraint booked_opportunity_customer_id_fkey,
  drop constraint booked_opportunity_sales_person_id_fkey;

alter table lead_status
  drop constraint lead_status_branch_id_fkey,
  drop constraint lead_status_lead_source_id_fkey,
  drop constraint lead_status_customer_id_fkey,
  drop constraint lead_status_sales_person_id_fkey,
  drop constraint lead_status_booked_opportunity_id_fkey;

alter table bad_lead
  drop constraint bad_lead_branch_id_fkey,
  drop constraint bad_lead_lead_source_id_fkey,
  drop constraint bad_lead_customer_id_fkey,
  drop constraint bad_lead_lead_id_fkey;

alter table lost_lead
  drop constraint lost_lead_branch_id_fkey,
  drop constraint lost_lead_lead_source_id_fkey,
  drop constraint lost_lead_customer_id_fkey,
  drop constraint lost_lead_sales_person_id_fkey,
  drop constraint lost_lead_booked_opportunity_id_fkey,
  drop constraint lost_lead_lead_id_fkey;
