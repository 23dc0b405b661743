import type { PipelineStep, StepContext } from '../types.ts';

/**
 * Links LeadStatus, LostLead and Job rows to their BookedOpportunity by the normalized quote number
 * (the import already made "Q-001234", "1234" and " 1234 " one value), and each LostLead to the
 * LeadStatus row of its quote. A quote held by two opportunities (or two leads) is ambiguous and is
 * not linked; quotes that match nothing are counted. It never guesses.
 */
export const quoteLinkageStep: PipelineStep = {
  name: 'quote-linkage',
  description: 'link leads, lost leads and jobs to their booked opportunity, and lost leads to their lead, through the normalized quote number; report unmatched and ambiguous quotes',
  after: [],
  async apply(ctx) {
    const { tx } = ctx;
    await tx.exec(`drop table if exists quote_owner; create temp table quote_owner on commit drop as
      select quote_number, min(booked_opportunity_id) as booked_opportunity_id, count(*) as holders
        from booked_opportunity where quote_number is not null group by quote_number;
      analyze quote_owner`);
    for (const table of ['lead_status', 'job'] as const) await linkToOpportunity(ctx, table);
    await linkLostLeads(ctx);
  },
};

/** Two notes: rows whose quote no holder has, and rows whose quote several hold; the counts at `offset` and after. */
function noteQuotes(ctx: StepContext, counts: readonly unknown[] | undefined, notes: { unmatched: string; ambiguous: string }, offset = 0) {
  ctx.note(notes.unmatched, Number(counts?.[offset] ?? 0));
  ctx.note(notes.ambiguous, Number(counts?.[offset + 1] ?? 0));
}

const opportunityNotes = (table: string) => ({
  unmatched: `${table} quotes matching no opportunity`,
  ambiguous: `${table} quotes held by several opportunities (not linked)`,
});

async function linkToOpportunity(ctx: StepContext, table: 'lead_status' | 'job') {
  await ctx.change(
    table,
    'link',
    `update ${table} t set booked_opportunity_id = q.booked_opportunity_id, updated_at = now()
       from quote_owner q
      where q.quote_number = t.quote_number and q.holders = 1
        and t.booked_opportunity_id is distinct from q.booked_opportunity_id
     returning t.quote_number, q.booked_opportunity_id`,
    [],
    { columns: ['booked_opportunity_id'] },
  );
  const found = await ctx.tx.query(
    `select count(*) filter (where q.quote_number is null), count(*) filter (where q.holders > 1)
       from ${table} t left join quote_owner q using (quote_number) where t.quote_number is not null`,
  );
  noteQuotes(ctx, found.rows[0], opportunityNotes(table));
}

/**
 * A lost lead's opportunity and its own lead (the one lead of the pool holding its quote), set in one
 * statement, so the report counts lost-lead rows changed rather than links written. Only the quotes
 * lost leads show are looked up.
 */
async function linkLostLeads(ctx: StepContext) {
  await ctx.tx.exec(`drop table if exists lost_quote; create temp table lost_quote on commit drop as
    select q.quote_number,
           case when o.holders = 1 then o.booked_opportunity_id end as booked_opportunity_id, coalesce(o.holders, 0) as opportunity_holders,
           case when l.holders = 1 then l.lead_id end as lead_id, coalesce(l.holders, 0) as lead_holders
      from (select distinct quote_number from lost_lead where quote_number is not null) q
      left join quote_owner o using (quote_number)
      -- The semi-join on lost_lead itself, not on the list above: the planner knows its size.
      left join (select quote_number, min(lead_id) as lead_id, count(*) as holders
                   from lead_status where quote_number in (select quote_number from lost_lead where quote_number is not null)
                  group by quote_number) l using (quote_number);
    analyze lost_quote`);
  await ctx.change(
    'lost_lead',
    'link',
    `update lost_lead t set booked_opportunity_id = coalesce(q.booked_opportunity_id, t.booked_opportunity_id),
                            lead_id = coalesce(q.lead_id, t.lead_id), updated_at = now()
       from lost_quote q
      where q.quote_number = t.quote_number
        and (t.booked_opportunity_id is distinct from coalesce(q.booked_opportunity_id, t.booked_opportunity_id)
             or t.lead_id is distinct from coalesce(q.lead_id, t.lead_id))
     returning t.quote_number, t.booked_opportunity_id, t.lead_id`,
    [],
    { columns: ['booked_opportunity_id', 'lead_id'] },
  );
  const found = await ctx.tx.query(
    `select count(*) filter (where q.opportunity_holders = 0), count(*) filter (where q.opportunity_holders > 1),
            count(*) filter (where q.lead_holders = 0), count(*) filter (where q.lead_holders > 1)
       from lost_lead t join lost_quote q using (quote_number)`,
  );
  noteQuotes(ctx, found.rows[0], opportunityNotes('lost_lead'));
  noteQuotes(ctx, found.rows[0], { unmatched: 'lost_lead quotes matching no lead (orphans)', ambiguous: 'lost_lead quotes held by several leads (not linked)' }, 2);
}
