-- name: Interstate moves in and out of each state
-- description: For every state that appears as an origin or a destination of an interstate move: the
--   moves arriving there from another state, the moves leaving it, the net balance and the revenue of
--   each direction. Read the destination side as where our customers go: states with many outbound
--   moves and no branch are candidates for a partner agent or a return-load network.
-- category: Geographic
-- tags: destination, state, interstate, inbound, outbound
-- param: period daterange = 2019-01-01..2025-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- chart: bar x=state y=inbound_moves,outbound_moves
-- format: inbound_moves=integer, outbound_moves=integer, net_moves=integer, inbound_revenue=currency, outbound_revenue=currency
with interstate as (
  select j.origin_state, j.destination_state,
         case when j.status = 'CLOSED' then j.revenue end as revenue
    from job j
   where j.status <> 'CANCELLED'
     and j.origin_state is not null
     and j.destination_state is not null
     and j.origin_state <> j.destination_state
     and j.job_date between :period_from::date and :period_to::date
     and (:branch::bigint is null or j.branch_id = :branch::bigint)
),
flows as (
  select destination_state as state, 1 as inbound, 0 as outbound, revenue as inbound_revenue, null::numeric as outbound_revenue from interstate
  union all
  select origin_state, 0, 1, null, revenue from interstate
)
select state,
       sum(inbound) as inbound_moves,
       sum(outbound) as outbound_moves,
       sum(inbound) - sum(outbound) as net_moves,
       coalesce(sum(inbound_revenue), 0) as inbound_revenue,
       coalesce(sum(outbound_revenue), 0) as outbound_revenue
  from flows
 group by state
 order by sum(inbound) + sum(outbound) desc, state
