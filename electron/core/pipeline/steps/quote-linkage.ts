import type { PipelineStep } from '../types.ts';

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
      await ctx.change(
        table,
        'link',
        `update ${table} t set booked_opportunity_id = q.booked_opportunity_id, updated_at = now()
           from quote_owner q
          where q.quote_number = t.quote_number and q.holders = 1
            and t.booked_opportunity_id is distinct from q.booked_opportunity_id
         returning t.quote_number, q.booked_opportunity_id`,
        [],
        { column: 'booked_opportunity_id' },
      );
      const found = await tx.query(
        `select count(*) filter (where q.quote_number is null), count(*) filter (where q.holders > 1)
           from ${table} t left join quote_owner q using (quote_number) where t.quote_number is not null`,
      );
      ctx.note(`${table} quotes matching no opportunity`, Number(found.rows[0]?.[0] ?? 0));
      ctx.note(`${table} quotes held by several opportunities (not linked)`, Number(found.rows[0]?.[1] ?? 0));
    }
    // A lost lead's own lead: the one lead of the pool holding its quote. Only the quotes lost leads show.
    await tx.exec(`drop table if exists quote_lead; create temp table quote_lead on commit drop as
      select quote_number, min(lead_id) as lead_id, count(*) as holders
        from lead_status where quote_number in (select quote_number from lost_lead where quote_number is not null)
       group by quote_number;
      analyze quote_lead`);
    await ctx.change(
      'lost_lead',
      'link',
      `update lost_lead t set lead_id = q.lead_id, updated_at = now()
         from quote_lead q
        where q.quote_number = t.quote_number and q.holders = 1
          and t.lead_id is distinct from q.lead_id
       returning t.quote_number, q.lead_id`,
      [],
      { column: 'lead_id' },
    );
    const lostFound = await tx.query(
      `select count(*) filter (where q.quote_number is null), count(*) filter (where q.holders > 1)
         from lost_lead t left join quote_lead q using (quote_number) where t.quote_number is not null`,
    );
    ctx.note('lost_lead quotes matching no lead (orphans)', Number(lostFound.rows[0]?.[0] ?? 0));
    ctx.note('lost_lead quotes held by several leads (not linked)', Number(lostFound.rows[0]?.[1] ?? 0));
  },
};
