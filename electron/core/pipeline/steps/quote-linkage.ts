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
    for (const table of ['lead_status', 'lost_lead', 'job'] as const) {
      await linkByQuote(ctx, table, 'quote_owner', 'booked_opportunity_id', {
        unmatched: `${table} quotes matching no opportunity`,
        ambiguous: `${table} quotes held by several opportunities (not linked)`,
      });
    }
    // A lost lead's own lead: the one lead of the pool holding its quote. Only the quotes lost leads show.
    await tx.exec(`drop table if exists quote_lead; create temp table quote_lead on commit drop as
      select quote_number, min(lead_id) as lead_id, count(*) as holders
        from lead_status where quote_number in (select quote_number from lost_lead where quote_number is not null)
       group by quote_number;
      analyze quote_lead`);
    await linkByQuote(ctx, 'lost_lead', 'quote_lead', 'lead_id', {
      unmatched: 'lost_lead quotes matching no lead (orphans)',
      ambiguous: 'lost_lead quotes held by several leads (not linked)',
    });
  },
};

/**
 * Points `table`'s `column` at the one holder of each row's quote in `holders` (a temporary table of
 * quote_number, the holder's id in `column`, and how many hold it), and notes the rows whose quote no
 * one holds and those whose quote several hold.
 */
async function linkByQuote(ctx: StepContext, table: string, holders: string, column: string, notes: { unmatched: string; ambiguous: string }) {
  await ctx.change(
    table,
    'link',
    `update ${table} t set ${column} = q.${column}, updated_at = now()
       from ${holders} q
      where q.quote_number = t.quote_number and q.holders = 1
        and t.${column} is distinct from q.${column}
     returning t.quote_number, q.${column}`,
    [],
    { column },
  );
  const found = await ctx.tx.query(
    `select count(*) filter (where q.quote_number is null), count(*) filter (where q.holders > 1)
       from ${table} t left join ${holders} q using (quote_number) where t.quote_number is not null`,
  );
  ctx.note(notes.unmatched, Number(found.rows[0]?.[0] ?? 0));
  ctx.note(notes.ambiguous, Number(found.rows[0]?.[1] ?? 0));
}
