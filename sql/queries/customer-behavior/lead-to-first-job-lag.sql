-- name: Days from first inquiry to first job
-- description: For new customers by the year of their first job: average and median days from their
--   first lead (customer.first_lead_at) to their first booking and to their first job, and the 90th
--   percentile lead-to-job time. Read it as the sales and scheduling lead time: it tells marketing how
--   far ahead of the summer peak to spend, and a lengthening median means customers shop earlier or
--   crews are booked out.
-- category: Customer Behavior
-- tags: lead time, first job, customer journey, timing
-- param: period daterange = 2019-01-01..2025-12-31 "First-job dates"
-- chart: line x=first_job_year y=median_days_lead_to_job,avg_days_lead_to_booking
-- format: customers=integer, avg_days_lead_to_booking=number, avg_days_lead_to_job=number, median_days_lead_to_job=number, p90_days_lead_to_job=number
select extract(year from c.first_job_at)::int as first_job_year,
       count(*) as customers,
       round(avg(c.first_booked_at - c.first_lead_at), 1) as avg_days_lead_to_booking,
       round(avg(c.first_job_at - c.first_lead_at), 1) as avg_days_lead_to_job,
       round(percentile_cont(0.5) within group (order by c.first_job_at - c.first_lead_at)::numeric, 1) as median_days_lead_to_job,
       round(percentile_cont(0.9) within group (order by c.first_job_at - c.first_lead_at)::numeric, 1) as p90_days_lead_to_job
  from customer c
 where c.first_job_at between :period_from::date and :period_to::date
   and c.first_lead_at is not null
   and c.first_lead_at <= c.first_job_at
 group by 1
 order by 1
