import type { PipelineStep, StepContext } from '../types.ts';

/** Normalized e-mail of a raw text, or NULL. */
const emailOf = (raw: string) => `case when lower(btrim(${raw})) ~ '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' then lower(btrim(${raw})) end`;
/** The 10 digits of a North American phone number, or NULL. */
const phoneOf = (raw: string) =>
  `case when regexp_replace(coalesce(${raw}, ''), '\\D', '', 'g') ~ '^1?\\d{10}$' then right(regexp_replace(${raw}, '\\D', '', 'g'), 10) end`;
/** "Smith, John" and "john  SMITH" → "john smith". */
const nameKeyOf = (raw: string) =>
  `nullif(btrim(regexp_replace(translate(lower(case when ${raw} like '%,%' then split_part(${raw}, ',', 2) || ' ' || split_part(${raw}, ',', 1) else ${raw} end), 'áàâäãåéèêëíìîïóòôöõúùûüñçý', 'aaaaaaeeeeiiiiooooouuuuncy'), '[^a-z]+', ' ', 'g')), '')`;

/** Rows fetched per page while reading the record graph's edges. */
const EDGE_PAGE = 20_000;

/**
 * Disjoint sets over the record numbers 1..size, as a flat array: each record points towards its
 * set's root, the smallest record number of the set (so a run's result does not depend on the order
 * edges arrive in).
 */
function componentsOf(size: number) {
  const parent = new Int32Array(size + 1);
  for (let i = 0; i <= size; i++) parent[i] = i;
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[x] !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  return {
    find,
    union(a: number, b: number) {
      const [ra, rb] = [find(a), find(b)];
      if (ra < rb) parent[rb] = ra;
      else if (rb < ra) parent[ra] = rb;
    },
  };
}

/**
 * Resolves customers from the lead pool and links every lead, opportunity and BOOKED/CLOSED job to
 * its customer (other jobs stay unlinked by design; a check constraint keeps it so).
 *
 * Evidence, strongest first: the same normalized e-mail or phone with the same first and last name, the same
 * booked opportunity (a lead, its opportunity and its jobs share a quote). Records sharing such a key
 * are one customer, transitively: the connected components of the record–key graph. The database
 * groups the records of each key (set-based); the components are found from those groups in memory
 * with disjoint sets over record numbers (a few bytes a record), which takes one pass where label
 * propagation in SQL took one full pass per hop. Then, as weaker evidence, a record with no e-mail,
 * phone or opportunity joins the one customer with the same name in the same city, when exactly one
 * has it. A component that already holds a customer keeps it, so a second run changes nothing.
 */
export const customersStep: PipelineStep = {
  name: 'customers',
  description: 'resolve customers from the lead pool (e-mail, phone, shared quote; then name + city) and link leads, opportunities and BOOKED/CLOSED jobs',
  after: ['quote-linkage'],
  async apply(ctx: StepContext) {
    const { tx } = ctx;
    // Each record's number is its row's id, after those of the tables before it (leads, then
    // opportunities, then jobs): the same numbers whatever order the rows are read in, so the
    // statement below can read the three tables in parallel workers.
    const maxima = await tx.query(
      `select coalesce((select max(lead_id) from lead_status), 0), coalesce((select max(booked_opportunity_id) from booked_opportunity), 0), coalesce((select max(job_id) from job), 0)`,
    );
    const [leads, opportunities, jobs] = (maxima.rows[0] ?? [0, 0, 0]).map(Number) as [number, number, number];
    const size = leads + opportunities + jobs;
    if (size >= 2 ** 31 - 1) throw new Error(`too many records to resolve customers in one run (ids up to ${size})`);
    // A shared e-mail or phone joins records only when the names agree too (first and last word):
    // families share addresses, and generic ones recur ("alee@gmail.com" for Ana, Aaron and Aisha Lee).
    // Reading and normalizing 5.8M records at 1M jobs is the step's largest single statement, so the
    // planner is told that handing rows over from workers is cheap (it prices the regular expressions
    // as if they cost nothing, and would not use the workers): 4.1 s → 2.6 s at 100k jobs, two cores.
    const previous = await tx.query(`select current_setting('parallel_setup_cost'), current_setting('parallel_tuple_cost')`);
    await tx.query(`select set_config('parallel_setup_cost', '0', true), set_config('parallel_tuple_cost', '0', true)`);
    await tx.exec(`drop table if exists cust_raw; create temp table cust_raw on commit drop as
      select rn, src, id, customer_id, opp, name_key, city, name, origin_city, origin_state, seen,
             email || '|' || coalesce(person, '') as email, phone || '|' || coalesce(person, '') as phone
        from (select *, split_part(name_key, ' ', 1) || ' ' || reverse(split_part(reverse(name_key), ' ', 1)) as person from (
          select lead_id::int as rn, 'lead_status' as src, lead_id as id, customer_id, booked_opportunity_id as opp,
                 coalesce(email, ${emailOf('raw_email')}) as email, coalesce(phone, ${phoneOf('raw_phone')}) as phone,
                 ${nameKeyOf('raw_customer_name')} as name_key, lower(btrim(origin_city)) as city,
                 raw_customer_name as name, origin_city, origin_state, received_at::date as seen
            from lead_status
          union all
          select (booked_opportunity_id + ${leads})::int, 'booked_opportunity', booked_opportunity_id, customer_id, booked_opportunity_id,
                 ${emailOf('raw_email')}, ${phoneOf('raw_phone')}, ${nameKeyOf('raw_customer_name')}, lower(btrim(origin_city)),
                 raw_customer_name, origin_city, origin_state, booked_at
            from booked_opportunity
          union all
          select (job_id + ${leads + opportunities})::int, 'job', job_id, customer_id, booked_opportunity_id,
                 ${emailOf('raw_email')}, ${phoneOf('raw_phone')}, ${nameKeyOf('raw_customer_name')}, lower(btrim(origin_city)),
                 raw_customer_name, origin_city, origin_state, job_date
            from job where status in ('BOOKED', 'CLOSED')
        ) r) p`);
    await tx.query(`select set_config('parallel_setup_cost', $1, true), set_config('parallel_tuple_cost', $2, true)`, previous.rows[0] ?? ['1000', '0.1']);
    ctx.progress(`${Number((await tx.query(`select count(*) from cust_raw`)).rows[0]?.[0] ?? 0)} records`);
    // The groups of records that share a key, page by page; only record numbers cross over.
    const sets = componentsOf(size);
    await tx.exec(`analyze cust_raw`);
    await tx.exec(`declare cust_edges no scroll cursor for
      select string_agg(rn::text, ',') from cust_raw where email is not null group by email having count(*) > 1
      union all select string_agg(rn::text, ',') from cust_raw where phone is not null group by phone having count(*) > 1
      union all select string_agg(rn::text, ',') from cust_raw where opp is not null group by opp having count(*) > 1`);
    for (;;) {
      const page = await tx.query(`fetch ${EDGE_PAGE} from cust_edges`);
      for (const [members] of page.rows) {
        const list = String(members).split(',');
        const first = Number(list[0]);
        for (let i = 1; i < list.length; i++) sets.union(first, Number(list[i]));
      }
      if (page.rows.length < EDGE_PAGE) break;
    }
    await tx.exec(`close cust_edges`);
    function* moved() {
      for (let rn = 1; rn <= size; rn++) {
        const root = sets.find(rn);
        if (root !== rn) yield [String(rn), String(root)];
      }
    }
    await tx.exec(`drop table if exists cust_root; create temp table cust_root (rn int not null, comp int not null) on commit drop`);
    const joined = await tx.copyRows('cust_root', ['rn', 'comp'], moved());
    ctx.progress(`${joined} records joined to another record's customer`);
    await tx.exec(`analyze cust_root; drop table if exists cust_rec; create temp table cust_rec on commit drop as
      select c.*, coalesce(r.comp, c.rn) as comp from cust_raw c left join cust_root r using (rn);
      drop table cust_raw; analyze cust_rec`);
    // Weaker evidence: no contact key at all, and exactly one customer with this name in this city.
    const weak = await tx.query(`with strong as (
          select name_key, city, min(comp) as comp
            from cust_rec where (email is not null or phone is not null or opp is not null) and name_key is not null and city is not null
           group by 1, 2 having min(comp) = max(comp))
      update cust_rec c set comp = s.comp from strong s
       where c.email is null and c.phone is null and c.opp is null
         and s.name_key = c.name_key and s.city = c.city and c.comp <> s.comp`);
    ctx.note('records joined by name and city only', weak.rowCount);
    // One customer per component: an existing one where the component has it, else a new row. Its
    // name is that of the first lead (else the first record) with one, its city and state the first
    // record's, its e-mail and phone the most frequent (the smallest of a tie, as mode() picks). The
    // records are sorted once, by component and date, and each aggregate takes the first value in that
    // order: an aggregate with its own ORDER BY (or mode()) sorts each group apart, which for 2.8M
    // components at 1M jobs took 46.6 s, against 25.4 s now. Only the components whose records
    // disagree on the e-mail or phone have the most frequent one counted afterwards (2.5 s and 9.8 s
    // there; docs/benchmarks.md, "fifth session").
    await tx.exec(`drop table if exists cust_comp; create temp table cust_comp on commit drop as
      select comp, coalesce(min(customer_id), nextval(pg_get_serial_sequence('customer', 'customer_id'))) as customer_id,
             min(customer_id) is null as is_new,
             coalesce((array_agg(name) filter (where name is not null and src = 'lead_status'))[1], (array_agg(name) filter (where name is not null))[1]) as name,
             min(email) as email, min(email) <> max(email) as mixed_email,
             min(phone) as phone, min(phone) <> max(phone) as mixed_phone,
             (array_agg(origin_city) filter (where origin_city is not null))[1] as city,
             (array_agg(origin_state) filter (where origin_state is not null))[1] as state
        from (select comp, customer_id, src, name, split_part(email, '|', 1) as email, split_part(phone, '|', 1) as phone, origin_city, origin_state
                from cust_rec order by comp, seen, id, src) r
       group by comp;
      analyze cust_comp`);
    for (const contact of ['email', 'phone']) {
      await tx.exec(`update cust_comp k set ${contact} = m.value
          from (select distinct on (r.comp) r.comp, split_part(r.${contact}, '|', 1) as value
                  from cust_rec r join cust_comp c on c.comp = r.comp and c.mixed_${contact}
                 where r.${contact} is not null
                 group by 1, 2 order by r.comp, count(*) desc, 2) m
         where m.comp = k.comp`);
    }
    // Many new customers into a table holding fewer (a first run): the secondary indexes are dropped
    // and built again after the insert, as a bulk load does. At 1M jobs the insert of 2.8M customers
    // took 52.9 s with the three indexes in place, and 10.0 s without them plus 10.4 s to build them
    // (docs/benchmarks.md). The drop holds the table's exclusive lock until the step commits (or a plan
    // rolls back); the definitions come from the catalogue, so the indexes come back exactly as the
    // migrations made them.
    const sizes = await tx.query(`select (select count(*) from customer), (select count(*) from cust_comp where is_new)`);
    const [existing, adding] = (sizes.rows[0] ?? [0, 0]).map(Number) as [number, number];
    const rebuilt =
      adding > existing
        ? (
            await tx.query(
              `select indexrelid::regclass::text, pg_get_indexdef(indexrelid) from pg_index
                where indrelid = 'customer'::regclass and not indisprimary
                  and not exists (select 1 from pg_constraint c where c.conindid = indexrelid)
                order by 1`,
            )
          ).rows.map(([name, definition]) => ({ name: String(name), definition: String(definition) }))
        : [];
    for (const index of rebuilt) await tx.exec(`drop index ${index.name}`);
    await ctx.change(
      'customer',
      'insert',
      `insert into customer (customer_id, full_name, first_name, last_name, email, email_norm, phone, phone_norm, city, state)
       overriding system value
       select k.customer_id, coalesce(btrim(k.name), '(unknown)'),
              case when k.name like '%,%' then nullif(btrim(split_part(k.name, ',', 2)), '') else split_part(btrim(k.name), ' ', 1) end,
              case when k.name like '%,%' then nullif(btrim(split_part(k.name, ',', 1)), '') else nullif(btrim(substr(btrim(k.name), length(split_part(btrim(k.name), ' ', 1)) + 1)), '') end,
              k.email, k.email, k.phone, k.phone, k.city, k.state
         from cust_comp k where k.is_new
       returning customer_id, full_name`,
    );
    if (rebuilt.length) ctx.progress(`building ${rebuilt.length} customer indexes`);
    for (const index of rebuilt) await tx.exec(index.definition);
    // Each record's customer, in the order of the ids (which is the order the rows lie in on disk: the
    // import appends them). The link joins this narrow map in one hash batch (the step's work_mem), so
    // rows are rewritten in id order, page after page. Joined through cust_rec and cust_comp at the
    // stock 4MB, lead_status was hashed in 32 batches and rewritten in hash order (docs/benchmarks.md).
    await tx.exec(`drop table if exists cust_link; create temp table cust_link on commit drop as
      select r.src, r.id, k.customer_id from cust_rec r join cust_comp k using (comp) order by r.src, r.id;
      analyze cust_link`);
    const tables: [string, string, string][] = [
      ['lead_status', 'lead_id', 'lead_status'],
      ['booked_opportunity', 'booked_opportunity_id', 'booked_opportunity'],
      ['job', 'job_id', 'job'],
    ];
    for (const [table, idColumn, src] of tables) {
      await ctx.change(
        table,
        'link',
        `update ${table} t set customer_id = m.customer_id, updated_at = now()
           from cust_link m
          where m.src = '${src}' and m.id = t.${idColumn} and t.customer_id is distinct from m.customer_id
         returning t.${idColumn}, m.customer_id`,
        [],
        { columns: ['customer_id'] },
      );
    }
  },
};

/** First lead, first booking, first and last job, job count and lifetime revenue on each customer. */
export const customerTimelineStep: PipelineStep = {
  name: 'customer-timeline',
  description: 'first lead, first booked, first job, last job, job count and lifetime revenue on each customer',
  after: ['customers'],
  async apply(ctx: StepContext) {
    await ctx.change(
      'customer',
      'update',
      `with leads as (select customer_id, min(received_at)::date as first_lead from lead_status where customer_id is not null group by 1),
            opps as (select customer_id, min(booked_at) as first_booked from booked_opportunity where customer_id is not null group by 1),
            jobs as (select customer_id, min(job_date) as first_job, max(job_date) as last_job, count(*) as jobs,
                            coalesce(sum(revenue) filter (where status = 'CLOSED'), 0) as revenue
                       from job where customer_id is not null group by 1),
            timeline as (
              select c.customer_id, l.first_lead, o.first_booked, j.first_job, j.last_job, coalesce(j.jobs, 0)::integer as jobs, coalesce(j.revenue, 0) as revenue
                from customer c left join leads l using (customer_id) left join opps o using (customer_id) left join jobs j using (customer_id))
       update customer c set first_lead_at = t.first_lead, first_booked_at = t.first_booked, first_job_at = t.first_job,
              last_job_at = t.last_job, job_count = t.jobs, lifetime_revenue = t.revenue, updated_at = now()
         from timeline t
        where t.customer_id = c.customer_id
          and (c.first_lead_at, c.first_booked_at, c.first_job_at, c.last_job_at, c.job_count, c.lifetime_revenue)
              is distinct from (t.first_lead, t.first_booked, t.first_job, t.last_job, t.jobs, t.revenue)
       returning c.customer_id, c.job_count, c.lifetime_revenue`,
    );
  },
};
