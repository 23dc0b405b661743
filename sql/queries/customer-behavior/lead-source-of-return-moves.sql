-- name: Where returning customers come back from
-- description: The lead source recorded on repeat moves (a customer's second or later closed move),
--   with each source's share of repeat moves beside its share of first moves. Read the difference:
--   sources such as Repeat Customer and Referral should be far more common on return moves; a large
--   share of return moves arriving through paid ads means past customers are being bought back
--   rather than kept.
-- category: Customer Behavior
-- tags: repeat customers, lead source, referral, marketing
-- param: period daterange = 2019-01-01..2025-12-31 "Move dates"
-- param: min_moves integer = 2 "Minimum repeat moves per source"
-- chart: bar x=lead_source y=return_move_share,first_move_share
-- format: return_moves=integer, return_move_share=percent, first_moves=integer, first_move_share=percent, return_revenue=currency
with moves as (
  select j.customer_id,
         coalesce(j.booked_opportunity_id::text, j.job_number) as move_key,
         min(j.job_date) as move_date,
         coalesce(sum(j.revenue), 0) as move_revenue,
         min(coalesce(ls.name, nullif(trim(j.raw_lead_source), ''), '(none)')) as lead_source
    from job j
    left join lead_source ls on ls.lead_source_id = j.lead_source_id
   where j.status = 'CLOSED'
     and j.customer_id is not null
   group by 1, 2
),
sequenced as (
  select *, row_number() over (partition by customer_id order by move_date, move_key) as move_number
    from moves
),
per_source as (
  select lead_source,
         count(*) filter (where move_number > 1) as return_moves,
         count(*) filter (where move_number = 1) as first_moves,
         coalesce(sum(move_revenue) filter (where move_number > 1), 0) as return_revenue
    from sequenced
   where move_date between :period_from::date and :period_to::date
   group by lead_source
),
shared as (
  select lead_source,
         return_moves,
         round(return_moves::numeric / nullif(sum(return_moves) over (), 0), 4) as return_move_share,
         first_moves,
         round(first_moves::numeric / nullif(sum(first_moves) over (), 0), 4) as first_move_share,
         return_revenue
    from per_source
)
select lead_source, return_moves, return_move_share, first_moves, first_move_share, return_revenue
  from shared
 where return_moves >= :min_moves::int
 order by return_moves desc, lead_source
