import type { PipelineStep, StepContext } from '../types.ts';

/**
 * A bad lead is written the day its lead came in or the day after: the bad lead's received date
 * minus the lead's, in calendar days (UTC), must lie in this range.
 */
export const BAD_LEAD_DAYS_AFTER_LEAD = { min: 0, max: 1 } as const;

const utcDay = (column: string) => `(${column} at time zone 'UTC')::date`;

/**
 * Links every BadLead to its LeadStatus row, by quote number when the bad lead shows one, otherwise
 * by contact details and date; sets `lead_id`, `link_method` and the lead's `customer_id`. It never
 * guesses: two equally good leads, or one lead wanted by two bad leads, leave them unlinked and
 * counted. The rule is documented in docs/database.md, "People pipelines".
 */
export const badleadLinkageStep: PipelineStep = {
  name: 'badlead-linkage',
  description: 'link bad leads to their lead by quote number, else by e-mail/phone, name and date; set the customer; report orphans and ambiguous rows',
  after: ['quote-linkage', 'customers'],
  async apply(ctx: StepContext) {
    const { tx } = ctx;
    const count = async (sql: string) => Number((await tx.query(sql)).rows[0]?.[0] ?? 0);
    await tx.exec(`drop table if exists bad_link, bad_quote, bad_candidate;
      create temp table bad_link (bad_lead_id bigint primary key, lead_id bigint not null, method text not null) on commit drop;
      create temp table bad_quote on commit drop as
        select quote_number, min(lead_id) as lead_id, count(*) as holders from lead_status
         where quote_number in (select quote_number from bad_lead where quote_number is not null)
         group by quote_number;
      analyze bad_quote;
      insert into bad_link
        select b.bad_lead_id, q.lead_id, 'quote_number' from bad_lead b join bad_quote q using (quote_number) where q.holders = 1`);
    ctx.note('bad leads whose quote number matches no lead (orphans)', await count(`select count(*) from bad_lead b where b.quote_number is not null and not exists (select 1 from bad_quote q where q.quote_number = b.quote_number)`));
    ctx.note('bad leads whose quote number several leads hold (not linked)', await count(`select count(*) from bad_lead b join bad_quote q using (quote_number) where q.holders > 1`));
    ctx.progress('matching bad leads without a quote number on contact details and date');

    // Candidates, received within the window and not already the lead of a bad lead linked by quote:
    // the same normalized e-mail or phone and the same name; or both the same e-mail and phone (a
    // family shares an address book, rarely both); or the same name where one side lacks the contact
    // detail and none contradicts. Best first: a lead the CRM marked BAD, the fewest days apart, the
    // most agreeing details.
    const days = `${utcDay('b.received_at')} - ${utcDay('l.received_at')}`;
    const within = `b.quote_number is null and ${days} between ${BAD_LEAD_DAYS_AFTER_LEAD.min} and ${BAD_LEAD_DAYS_AFTER_LEAD.max}`;
    const sameName = `lower(btrim(l.first_name)) = lower(btrim(b.first_name)) and lower(btrim(l.last_name)) = lower(btrim(b.last_name))`;
    await tx.exec(`create temp table bad_candidate on commit drop as
      with pairs as (
        select b.bad_lead_id, l.lead_id from bad_lead b join lead_status l on lower(l.email) = lower(b.email) where ${within}
        union
        select b.bad_lead_id, l.lead_id from bad_lead b join lead_status l on l.phone = b.phone where ${within}
        union -- a name alone, where no e-mail or phone on both sides says otherwise
        select b.bad_lead_id, l.lead_id from bad_lead b join lead_status l on ${sameName}
         where ${within}
           and (b.email is null or l.email is null or lower(l.email) = lower(b.email))
           and (b.phone is null or l.phone is null or l.phone = b.phone)
      ), scored as (
        select p.bad_lead_id, p.lead_id, l.status = 'BAD' as marked_bad, ${days} as days,
               coalesce(lower(l.email) = lower(b.email), false) as same_email,
               coalesce(l.phone = b.phone, false) as same_phone,
               coalesce(${sameName}, false) as same_name
          from pairs p join bad_lead b on b.bad_lead_id = p.bad_lead_id join lead_status l on l.lead_id = p.lead_id
      )
      select *, rank() over (partition by bad_lead_id
                             order by marked_bad desc, days, same_email::int + same_phone::int + same_name::int desc) as place
        from scored s
       where (same_name or (same_email and same_phone))
         and not exists (select 1 from bad_link k where k.lead_id = s.lead_id)`);
    await tx.exec(`create temp table bad_best on commit drop as
        select bad_lead_id, min(lead_id) as lead_id, count(*) as tied from bad_candidate where place = 1 group by bad_lead_id;
      insert into bad_link
        select bad_lead_id, lead_id, 'contact_and_date' from bad_best b
         where tied = 1 and not exists (select 1 from bad_best o where o.lead_id = b.lead_id and o.bad_lead_id <> b.bad_lead_id and o.tied = 1)`);
    ctx.note('bad leads with several equally good leads (not linked)', await count(`select count(*) from bad_best where tied > 1`));
    ctx.note(
      'bad leads whose best lead another bad lead also wants (not linked)',
      await count(`select count(*) from bad_best b where tied = 1 and not exists (select 1 from bad_link k where k.bad_lead_id = b.bad_lead_id)`),
    );
    ctx.note(
      'bad leads without a quote number matching no lead on contact and date (orphans)',
      await count(`select count(*) from bad_lead b where b.quote_number is null and not exists (select 1 from bad_best x where x.bad_lead_id = b.bad_lead_id)`),
    );

    await ctx.change(
      'bad_lead',
      'link',
      `update bad_lead b set lead_id = k.lead_id, link_method = k.method, updated_at = now()
         from bad_link k
        where k.bad_lead_id = b.bad_lead_id and (b.lead_id is distinct from k.lead_id or b.link_method is distinct from k.method)
       returning b.bad_lead_id, k.lead_id, k.method`,
      [],
      { columns: ['lead_id'] },
    );
    await ctx.change(
      'bad_lead',
      'update',
      // Each linked bad lead looks its lead up by primary key: a join would read all of lead_status (3.8M
      // rows at 1M jobs) for a tenth as many bad leads.
      `update bad_lead b set customer_id = x.customer_id, updated_at = now()
         from (select k.bad_lead_id, (select l.customer_id from lead_status l where l.lead_id = k.lead_id) as customer_id
                 from bad_lead k where k.lead_id is not null) x
        where x.bad_lead_id = b.bad_lead_id and x.customer_id is not null and b.customer_id is distinct from x.customer_id
       returning b.bad_lead_id, x.customer_id`,
      [],
      { columns: ['customer_id'] },
    );
    for (const method of ['quote_number', 'contact_and_date']) {
      ctx.note(`bad leads linked by ${method.replaceAll('_', ' ')}`, await count(`select count(*) from bad_lead where link_method = '${method}'`));
    }
  },
};
