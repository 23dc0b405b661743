import type { SqlRunner } from '../../db/index.ts';
import { nicknameRelation, normalizePersonName } from '../../matching/index.ts';
import type { NicknameMap, PersonName } from '../../matching/index.ts';
import type { PipelineStep, StepContext } from '../types.ts';
import { groupOffices, loadSpellingCells, nicknameSource, salesPersonTables } from './sales-persons.ts';
import type { Offices } from './sales-persons.ts';

/** The two performance reports: their table, raw name column and key. */
const reports = [
  { table: 'user_performance', raw: 'raw_user_name', id: 'user_performance_id' },
  { table: 'sales_performance', raw: 'raw_sales_person', id: 'sales_performance_id' },
] as const;

/**
 * How a performance spelling found its person, strictest first. Each rule is tried only when the
 * ones before it found nobody; a rule that finds two people stops the search (ambiguous).
 */
export type PerformanceMatch = 'alias' | 'same name' | 'reversed order' | 'initial' | 'nickname';

interface Person {
  id: number;
  name: PersonName;
  rows: number;
  offices: Set<number>;
  /** Pending review clusters holding one of the person's spellings. */
  clusters: Set<number>;
}

/** Everyone the sales-persons step found, with the offices their rows were seen in and their review clusters. */
async function loadPeople(tx: SqlRunner, offices: Offices): Promise<Person[]> {
  const people = new Map<number, Person>();
  const rows = await tx.query(`select sales_person_id, name_key from sales_person order by 1`);
  for (const [id, key] of rows.rows) {
    const name = normalizePersonName(String(key));
    if (name) people.set(Number(id), { id: Number(id), name, rows: 0, offices: new Set(), clusters: new Set() });
  }
  const seen = await tx.query(
    `select sales_person_id, branch_id, sum(n)::bigint from (
       ${salesPersonTables.map((t) => `select sales_person_id, branch_id, count(*) as n from ${t} where sales_person_id is not null group by 1, 2`).join(' union all ')}
     ) s group by 1, 2`,
  );
  for (const [id, branchId, n] of seen.rows) {
    const person = people.get(Number(id));
    if (!person) continue;
    person.rows += Number(n);
    const office = offices.officeOf(branchId === null ? null : Number(branchId));
    if (office !== null) person.offices.add(office);
  }
  const clusters = await tx.query(
    `select distinct m.merge_candidate_id, a.sales_person_id
       from merge_candidate m cross join jsonb_array_elements(m.members) e
       join sales_person_alias a on a.raw_name = e->>'name'
      where m.entity_kind = 'sales_person' and m.status = 'pending'`,
  );
  for (const [cluster, id] of clusters.rows) people.get(Number(id))?.clusters.add(Number(cluster));
  return [...people.values()];
}

const sameMiddle = (a: PersonName, b: PersonName) =>
  a.middle.length === 0 || b.middle.length === 0 || (a.middle.length === b.middle.length && a.middle.every((m, i) => b.middle[i]!.startsWith(m) || m.startsWith(b.middle[i]!)));

/** The rules, in order: each one a test of a person against the performance spelling. */
function rules(nicknames: NicknameMap): [PerformanceMatch, (p: PersonName, person: PersonName) => boolean][] {
  return [
    ['same name', (p, q) => p.key === q.key],
    // "Smith John" (no comma, so the normalizer cannot know): the first word is the surname.
    ['reversed order', (p, q) => !p.notes.reversedComma && p.tokens.length >= 2 && [...p.tokens.slice(1), p.tokens[0]].join(' ') === q.tokens.join(' ') && p.suffix === q.suffix],
    [
      'initial',
      (p, q) =>
        q.shape === 'full' &&
        p.suffix === q.suffix &&
        sameMiddle(p, q) &&
        ((p.shape === 'last-initial' && p.first === q.first && q.last.startsWith(p.last)) ||
          (p.shape === 'first-initial' && p.last === q.last && q.first.startsWith(p.first))),
    ],
    ['nickname', (p, q) => p.shape === 'full' && q.shape === 'full' && p.last === q.last && p.suffix === q.suffix && sameMiddle(p, q) && nicknameRelation(nicknames, p.first, q.first)?.kind === 'nickname'],
  ];
}

/**
 * Of several people matching one rule, the one to take: when all of them sit in one pending review
 * cluster (the same person written two ways, e.g. "Tom Scott" and the typo "Tom Sctot"), the one with
 * the most rows, which is the person that cluster would be merged into; otherwise nobody.
 */
function settle(candidates: Person[]): Person | null {
  if (candidates.length === 1) return candidates[0]!;
  const [first, ...rest] = candidates;
  const shared = [...first!.clusters].filter((c) => rest.every((p) => p.clusters.has(c)));
  if (shared.length === 0) return null;
  const ranked = [...candidates].sort((a, b) => b.rows - a.rows);
  return ranked[0]!.rows > ranked[1]!.rows ? ranked[0]! : null;
}

/**
 * A spelling seen with a branch → its person and the rule that found it, or why there is none. The
 * people searched are those seen in the branch's office; without a usable office, everyone.
 */
function matcher(ruleList: ReturnType<typeof rules>, people: Person[], offices: Offices) {
  return (raw: string, branchId: number | null): { person: number; rule: PerformanceMatch } | 'orphan' | 'ambiguous' => {
    const name = normalizePersonName(raw);
    if (!name) return 'orphan';
    const office = offices.officeOf(branchId);
    const pool = office !== null && offices.isStrong(office) ? people.filter((p) => p.offices.has(office)) : people;
    for (const [rule, test] of ruleList) {
      const candidates = pool.filter((p) => test(name, p.name));
      if (candidates.length === 0) continue;
      const person = settle(candidates);
      return person ? { person: person.id, rule } : 'ambiguous';
    }
    return 'orphan';
  };
}

/**
 * Links UserPerformance and SalesPerformance rows to SalesPerson: through the aliases first, then by
 * the same normalized name, reversed order, initials and nicknames, each only when exactly one person
 * of the row's office matches. See docs/database.md, "People pipelines".
 */
export function createPerformanceLinkageStep(nicknames: () => NicknameMap = nicknameSource()): PipelineStep {
  return {
    name: 'performance-linkage',
    description: 'link user and sales performance rows to sales persons through the aliases, then by name within the branch; report orphans',
    after: ['sales-persons', 'branches'],
    async apply(ctx: StepContext) {
      const { tx } = ctx;
      for (const { table } of reports) {
        await ctx.change(
          table,
          'update',
          `update ${table} d set branch_id = a.branch_id, updated_at = now()
             from branch_alias a where a.raw_name = d.raw_branch and d.branch_id is null
           returning d.raw_branch, a.branch_id`,
        );
      }
      const { cells } = await loadSpellingCells(tx);
      const offices = groupOffices(cells);
      const people = await loadPeople(tx, offices);
      const aliases = await tx.query(`select raw_name, branch_id, sales_person_id from sales_person_alias`);
      const byAlias = new Map(aliases.rows.map(([raw, branchId, id]) => [`${String(raw)}\u0000${branchId ?? ''}`, Number(id)]));
      const spellings = await tx.query(
        `select raw, branch_id, sum(n)::bigint from (
           ${reports.map(({ table, raw }) => `select ${raw} as raw, branch_id, count(*) as n from ${table} group by 1, 2`).join(' union all ')}
         ) s group by 1, 2 order by 1, 2`,
      );
      ctx.progress(`${spellings.rows.length} performance spellings by branch, ${people.length} sales persons`);
      const match = matcher(rules(nicknames()), people, offices);
      const found: (string | null)[][] = [];
      const unmatched = { orphan: 0, ambiguous: 0 };
      for (const [rawValue, branchValue, n] of spellings.rows) {
        const raw = String(rawValue);
        const branch = branchValue === null ? null : String(branchValue);
        const direct = byAlias.get(`${raw}\u0000${branch ?? ''}`) ?? byAlias.get(`${raw}\u0000`);
        const outcome = direct !== undefined ? { person: direct, rule: 'alias' } : match(raw, branch === null ? null : Number(branch));
        if (typeof outcome === 'string') unmatched[outcome] += Number(n);
        else found.push([raw, branch, String(outcome.person), outcome.rule]);
      }
      await tx.exec(`drop table if exists perf_match; create temp table perf_match (raw_name text not null, branch_id bigint, sales_person_id bigint not null, rule text not null) on commit drop`);
      await tx.copyRows('perf_match', ['raw_name', 'branch_id', 'sales_person_id', 'rule'], found);
      for (const { table, raw, id } of reports) {
        await ctx.change(
          table,
          'link',
          `update ${table} d set sales_person_id = m.sales_person_id, updated_at = now()
             from perf_match m
            where m.raw_name = d.${raw} and coalesce(m.branch_id, 0) = coalesce(d.branch_id, 0)
              and d.sales_person_id is distinct from m.sales_person_id
           returning d.${id}, d.${raw} as raw, m.sales_person_id, m.rule`,
        );
        const byRule = await tx.query(
          `select m.rule, count(*) from ${table} d join perf_match m on m.raw_name = d.${raw} and coalesce(m.branch_id, 0) = coalesce(d.branch_id, 0) group by 1 order by 1`,
        );
        for (const [rule, n] of byRule.rows) ctx.note(`${table} rows matched by ${String(rule)}`, Number(n));
      }
      ctx.note('performance rows ambiguous between people (not linked)', unmatched.ambiguous);
      ctx.note('performance rows matching no sales person (orphans)', unmatched.orphan);
    },
  };
}

export const performanceLinkageStep: PipelineStep = createPerformanceLinkageStep();
