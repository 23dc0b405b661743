-- name: Top customers by lifetime revenue
-- description: The customers who brought the most closed revenue (customer.lifetime_revenue), with
--   their first and last job dates, job count, separate moves, years as a customer and the branches
--   they used. Read it as the VIP list: repeat movers and large commercial accounts rise to the top;
--   a customer whose last job is years ago is a win-back candidate.
-- category: Customer Behavior
-- tags: lifetime value, top customers, VIP
-- param: top_n integer = 25 "Customers shown"
-- param: branch branch = all "Branch (any job there)"
-- chart: bar x=customer_label y=lifetime_revenue
-- format: customer_id=integer, first_job_at=date, last_job_at=date, job_count=integer, moves=integer, years_as_customer=number, lifetime_revenue=currency
with per_customer as (
  select j.customer_id,
         count(distinct coalesce(j.booked_opportunity_id::text, j.job_number)) filter (where j.status = 'CLOSED') as moves,
         string_agg(distinct coalesce(b.name, nullif(trim(j.raw_branch), ''), '(none)'), ', ') as branches,
         bool_or(:branch::bigint is null or j.branch_id = :branch::bigint) as used_branch
    from job j
    left join branch b on b.branch_id = j.branch_id
   where j.customer_id is not null
   group by j.customer_id
)
select c.customer_id,
       coalesce(c.full_name, '(no name)') || ' #' || c.customer_id as customer_label,
       c.first_job_at,
       c.last_job_at,
       c.job_count,
       p.moves,
       round((c.last_job_at - c.first_job_at) / 365.25, 1) as years_as_customer,
       p.branches,
       c.lifetime_revenue
  from customer c
  join per_customer p on p.customer_id = c.customer_id
 where p.used_branch
 order by c.lifetime_revenue desc, c.customer_id
 limit :top_n::int
