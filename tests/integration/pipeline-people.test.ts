import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, expandPaths } from '../../electron/core/import/index.ts';
import { migrate, projectMigrations } from '../../electron/core/migrate/index.ts';
import { orderSteps, pipelineSteps, planPipeline, runPipeline } from '../../electron/core/pipeline/index.ts';
import { badleadLinkageStep } from '../../electron/core/pipeline/steps/badlead-linkage.ts';
import { performanceLinkageStep } from '../../electron/core/pipeline/steps/performance-linkage.ts';
import { salesPersonsStep } from '../../electron/core/pipeline/steps/sales-persons.ts';
import { generateSample } from '../../electron/core/sample/index.ts';
import { engines, freshDatabase } from '../support/engines.ts';
import { tableChecksums } from '../support/table-checksums.ts';
import type { Database } from '../../electron/core/db/index.ts';
import type { StepReport } from '../../electron/core/pipeline/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wb-people-'));
const sampleDir = join(scratch, 'sample');
beforeAll(async () => {
  await generateSample({ outDir: sampleDir, jobs: 3000, seed: 21 });
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The truth files quote names with commas and keep leading spaces, so they need a real CSV reader. */
function truth(file: string): Record<string, string>[] {
  const text = readFileSync(join(sampleDir, 'truth', file), 'utf8');
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== ',' && ch !== '\n' && ch !== '\r')) {
      field += ch;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [head = [], ...rows] = records;
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

const counts = (reports: StepReport[]) => reports.map((r) => [r.step, r.changes.map((c) => [c.table, c.action, c.rows])]);
const ours = new Set(['sales-persons', 'performance-linkage', 'badlead-linkage']);

describe.each(engines)('people pipelines on the $name engine', (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let firstRun: StepReport[] = [];
  const steps = orderSteps([...pipelineSteps, salesPersonsStep, performanceLinkageStep, badleadLinkageStep], []);
  // The steps ours build on run once, beforehand; the plan/run comparison covers ours (the embedded
  // engine takes ~20 s for the rest of the pipeline, checked in pipeline.test.ts).
  const prerequisites = orderSteps(steps, ['branches', 'quote-linkage', 'customers']);
  const people = orderSteps(steps, [...ours]);
  /** sales_person_id → the one true person behind its aliases (the purity test checks there is one). */
  const personOf = new Map<number, string>();

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(engine));
    await migrate(db, projectMigrations());
    await importFiles(db, expandPaths([sampleDir]), { rejectsDir: join(scratch, `rejects-${engine.name}`) });
    await runPipeline(db, prerequisites);
  }, 300_000);
  afterAll(async () => dispose());

  it('plans without changing anything, runs with the counts it planned, then finds nothing to do', async () => {
    const order = steps.map((s) => s.name);
    expect(order.indexOf('sales-persons')).toBeGreaterThan(order.indexOf('branches'));
    expect(order.indexOf('performance-linkage')).toBeGreaterThan(order.indexOf('sales-persons'));
    expect(order.indexOf('badlead-linkage')).toBeGreaterThan(order.indexOf('quote-linkage'));
    const before = await tableChecksums(db);
    const plan = await planPipeline(db, people);
    expect(await tableChecksums(db)).toEqual(before);
    firstRun = await runPipeline(db, people);
    expect(counts(firstRun)).toEqual(counts(plan));
    expect(firstRun.map((r) => r.step)).toEqual(people.map((s) => s.name));
    expect(firstRun.every((r) => r.changes.some((c) => c.rows > 0))).toBe(true);
    const again = await runPipeline(db, people);
    expect(again.flatMap((r) => r.changes).filter((c) => c.rows > 0)).toEqual([]);
  });

  it('merges only spellings that are one true person, and links every sales-person cell to its true person', async () => {
    const truePerson = new Map(truth('sales_person_names.csv').map((r) => [r.raw_name!, r.person_id!]));
    const aliases = await db.read(`select sales_person_id, raw_name, branch_id from sales_person_alias order by 1, 2`);
    const peopleBehind = new Map<number, Set<string>>();
    for (const [id, raw] of aliases.rows) {
      const person = truePerson.get(String(raw));
      expect(person, `alias ${String(raw)} is a spelling the sample wrote`).toBeDefined();
      const set = peopleBehind.get(Number(id)) ?? peopleBehind.set(Number(id), new Set()).get(Number(id))!;
      set.add(person!);
    }
    const impure = [...peopleBehind].filter(([, set]) => set.size > 1).map(([id, set]) => [id, [...set]]);
    expect(impure).toEqual([]);
    for (const [id, set] of peopleBehind) personOf.set(id, [...set][0]!);
    // Auto-merge happened ("Smith, John" and "JOHN SMITH" are John Smith), fuzzy spellings did not.
    expect([...peopleBehind.keys()].length).toBeLessThan(aliases.rows.length);
    const idOf = async (raw: string) => (await db.read(`select sales_person_id from sales_person_alias where raw_name = $1 and branch_id is null`, [raw])).rows[0]?.[0];
    expect(await idOf('Smith, John')).toBe(await idOf('John Smith'));
    expect(await idOf('Jhon Smith')).not.toBe(await idOf('John Smith'));
    // Two true John Smiths and a Jon Smyth: three people, never merged.
    const smiths = await Promise.all(['John Smith', 'John Smith (Atlanta)', 'John R. Smith', 'Jon Smyth'].map(idOf));
    expect(new Set(smiths).size).toBe(4);
    expect(personOf.get(Number(smiths[1]))).toBe(personOf.get(Number(smiths[2])));

    const cells = await db.read(
      `select raw_sales_person, sales_person_id, count(*) from (
         select raw_sales_person, sales_person_id from job union all select raw_sales_person, sales_person_id from booked_opportunity
         union all select raw_sales_person, sales_person_id from lead_status union all select raw_sales_person, sales_person_id from lost_lead
       ) s where raw_sales_person is not null group by 1, 2`,
    );
    let total = 0;
    let linked = 0;
    const wrong: unknown[] = [];
    for (const [raw, id, n] of cells.rows) {
      total += Number(n);
      if (id === null) continue;
      linked += Number(n);
      if (personOf.get(Number(id)) !== truePerson.get(String(raw))) wrong.push([raw, id, n]);
    }
    expect(wrong).toEqual([]);
    expect(linked / total).toBeGreaterThanOrEqual(0.99);

    const queue = await db.read(`select count(*), count(*) filter (where status = 'pending') from merge_candidate where entity_kind = 'sales_person'`);
    expect(Number(queue.rows[0]?.[0])).toBeGreaterThan(10);
    expect(queue.rows[0]?.[1]).toBe(queue.rows[0]?.[0]);
    const split = await db.read(`select evidence from merge_candidate where entity_kind = 'sales_person' and cluster_key like 'john smith @ %'`);
    expect(split.rows).toHaveLength(1);
  });

  it('links at least 98% of performance rows to their true person, never falsely, and reports the orphans', async () => {
    const truePerson = new Map(truth('performance_names.csv').map((r) => [`${r.file}|${r.raw_name}`, r.person_id!]));
    const known = new Set(personOf.values());
    for (const [table, column] of [['user_performance', 'raw_user_name'], ['sales_performance', 'raw_sales_person']] as const) {
      const rows = await db.read(`select ${column}, sales_person_id, count(*) from ${table} group by 1, 2`);
      let linkable = 0;
      let linked = 0;
      const wrong: unknown[] = [];
      for (const [raw, id, n] of rows.rows) {
        const person = truePerson.get(`${table}|${String(raw)}`);
        expect(person, `${table} spelling ${String(raw)}`).toBeDefined();
        if (known.has(person!)) linkable += Number(n);
        if (id === null) continue;
        linked += Number(n);
        if (personOf.get(Number(id)) !== person) wrong.push([raw, id, n]);
      }
      expect(wrong).toEqual([]);
      expect(linked / linkable).toBeGreaterThanOrEqual(0.98);
      const noBranch = await db.read(`select count(*) from ${table} where raw_branch is not null and branch_id is null`);
      expect(noBranch.rows).toEqual([[0]]);
    }
    const report = firstRun.find((r) => r.step === 'performance-linkage');
    expect(report?.notes).toHaveProperty(['performance rows matching no sales person (orphans)']);
  });

  it('links at least 98% of linkable bad leads to their lead, never falsely, and never an orphan', async () => {
    const expected = new Map(truth('bad_lead_links.csv').map((r) => [r.bad_leads_row!, r.lead_status_row!]));
    const rows = await db.read(
      `select b.source_row, l.source_row, b.link_method, b.quote_number is not null, b.customer_id, l.customer_id
         from bad_lead b left join lead_status l on l.lead_id = b.lead_id`,
    );
    const linkable = [...expected.values()].filter((lead) => lead !== '').length;
    let linked = 0;
    const wrong: unknown[] = [];
    for (const [row, lead, method, showsQuote, customer, leadCustomer] of rows.rows) {
      if (lead === null) continue;
      linked += 1;
      if (expected.get(String(row)) !== String(lead)) wrong.push([row, lead, method]);
      expect(method).toBe(showsQuote ? 'quote_number' : 'contact_and_date');
      expect(customer).toBe(leadCustomer);
    }
    expect(wrong).toEqual([]);
    expect(linked / linkable).toBeGreaterThanOrEqual(0.98);
    const methods = await db.read(`select link_method, count(*) from bad_lead where link_method is not null group by 1 order by 1`);
    expect(methods.rows.map((r) => r[0])).toEqual(['contact_and_date', 'quote_number']);
  });

  it('tells apart two people written the same way in different offices, through a branch-qualified alias', async () => {
    // Later exports write Atlanta's John R. Smith plainly as "John Smith": the spelling now means two
    // people, and the branch decides.
    const atlanta = await db.read(`select branch_id from branch_alias where raw_name = 'Atlanta'`);
    await db.write((tx) =>
      tx.query(
        `insert into lead_status (source_key, status, raw_sales_person, raw_branch, branch_id, received_at)
         select 'people-test-' || g, 'NEW', 'John Smith', 'Atlanta', $1, '2025-11-10' from generate_series(1, 3) g`,
        [atlanta.rows[0]?.[0]],
      ),
    );
    const reports = await runPipeline(db, orderSteps(steps, ['sales-persons']));
    expect(counts(reports)).toContainEqual(['sales-persons', expect.arrayContaining([['sales_person_alias', 'insert', 1], ['lead_status', 'link', 3], ['sales_person', 'insert', 0]])]);
    const linked = await db.read(
      `select distinct l.sales_person_id, a.sales_person_id from lead_status l
         join sales_person_alias a on a.raw_name = 'John Smith (Atlanta)' where l.source_key like 'people-test-%'`,
    );
    expect(linked.rows).toHaveLength(1);
    expect(linked.rows[0]?.[0]).toBe(linked.rows[0]?.[1]);
    const denver = await db.read(`select count(*) from lead_status l join sales_person_alias a on a.raw_name = 'John Smith' and a.branch_id is null and a.sales_person_id = l.sales_person_id where l.raw_sales_person = 'John Smith'`);
    expect(Number(denver.rows[0]?.[0])).toBeGreaterThan(100);
  });
});
