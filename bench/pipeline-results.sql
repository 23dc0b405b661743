-- What the pipelines produced, as fingerprints (md5) to compare two runs of two trees on copies of one
-- import (docs/benchmarks.md, "The pipelines"):
--   psql -X -At -d <database> -f bench/pipeline-results.sql
-- "by content" lines leave the customer ids out (a record's customer is given by its name, e-mail,
-- phone and city), so they agree when two runs resolved the same customers but numbered them apart.
select 'customers by content', count(*), md5(string_agg(x, ',' order by x))
  from (select concat_ws('|', full_name, first_name, last_name, email, phone, city, state, first_lead_at, first_booked_at,
                         first_job_at, last_job_at, job_count, lifetime_revenue) as x from customer) c;
select 'lead customers by content', md5(string_agg(concat_ws('|', l.lead_id, c.full_name, c.email, c.phone, c.city, c.first_lead_at, c.job_count), ',' order by l.lead_id))
  from lead_status l left join customer c using (customer_id);
select 'opportunity customers by content', md5(string_agg(concat_ws('|', o.booked_opportunity_id, c.full_name, c.email, c.phone, c.city), ',' order by o.booked_opportunity_id))
  from booked_opportunity o left join customer c using (customer_id);
select 'job customers by content', md5(string_agg(concat_ws('|', j.job_id, c.full_name, c.email, c.phone, c.city, c.job_count), ',' order by j.job_id))
  from job j left join customer c using (customer_id);
select 'bad lead links and customers by content', md5(string_agg(concat_ws('|', b.bad_lead_id, b.lead_id, b.link_method, c.full_name, c.email), ',' order by b.bad_lead_id))
  from bad_lead b left join customer c using (customer_id);
select 'customers with ids', count(*), md5(string_agg(concat_ws('|', customer_id, full_name, email, phone, city, state, job_count, lifetime_revenue), ',' order by customer_id)) from customer;
select 'lead links', md5(string_agg(concat_ws('|', lead_id, customer_id, booked_opportunity_id, branch_id, lead_source_id, sales_person_id), ',' order by lead_id)) from lead_status;
select 'opportunity links', md5(string_agg(concat_ws('|', booked_opportunity_id, customer_id, branch_id, lead_source_id, sales_person_id), ',' order by booked_opportunity_id)) from booked_opportunity;
select 'job links', md5(string_agg(concat_ws('|', job_id, customer_id, booked_opportunity_id, branch_id, lead_source_id, sales_person_id), ',' order by job_id)) from job;
select 'lost lead links', md5(string_agg(concat_ws('|', lost_lead_id, customer_id, booked_opportunity_id, branch_id, lead_source_id, sales_person_id), ',' order by lost_lead_id)) from lost_lead;
select 'bad lead links', md5(string_agg(concat_ws('|', bad_lead_id, lead_id, customer_id, link_method, branch_id, lead_source_id), ',' order by bad_lead_id)) from bad_lead;
