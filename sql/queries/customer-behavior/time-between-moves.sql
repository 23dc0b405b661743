-- name: Time between a customer's moves
-- description: For every repeat move (a customer's second or later closed move), the time since that
--   customer's previous move, grouped into bands from under a year to five years and more, with the
--   count, share and average gap in days, and the median gap overall. Read it to time the win-back
--   campaigns; the band with the most moves is when past customers are likely to move again.
-- category: Customer Behavior
-- tags: repeat customers, time between moves, retention, win-back
-- param: period daterange = 2019-01-01..2025-12-31 "Dates of the repeat move"
-- param: branch branch = all "Branch of the repeat move"
-- chart: bar x=gap_band y=repeat_moves
-- format: repeat_moves=integer, move_share=percent, avg_gap_days=integer, median_gap_days_overall=integer
with moves as (
  select j.customer_id,
         coalesce(j.booked_opportunity_id::text, j.job_number) as move_key,
         min(j.job_date) as move_date,
         min(j.branch_id) as branch_id
    from job j
   where j.status = 'CLOSED'
     and j.customer_id is not null
   group by 1, 2
),
gaps as (
  select move_date, branch_id,
         move_date - lag(move_date) over (partition by customer_id order by move_date, move_key) as gap_days
    from moves
),
repeat_moves as (
  select gap_days,
         case when gap_days < 365 then 1
              when gap_days < 730 then 2
              when gap_days < 1095 then 3
              when gap_days < 1826 then 4
              else 5 end as band_order
    from gaps
   where gap_days is not null
     and move_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or branch_id = :branch::bigint)
)
select case band_order when 1 then 'under 1 year' when 2 then '1-2 years' when 3 then '2-3 years'
                       when 4 then '3-5 years' else '5+ years' end as gap_band,
       count(*) as repeat_moves,
       round(count(*)::numeric / sum(count(*)) over (), 4) as move_share,
       round(avg(gap_days)) as avg_gap_days,
       (select round(percentile_cont(0.5) within group (order by gap_days)::numeric) from repeat_moves) as median_gap_days_overall
  from repeat_moves
 group by band_order
 order by band_order
