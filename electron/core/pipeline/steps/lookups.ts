import { checkIdentifier } from '../../db/copy.ts';
import type { SqlRunner } from '../../db/index.ts';
import { clusterNames, foldPlaces, normalizePersonName, normalizePlaceName, placeLetters } from '../../matching/index.ts';
import type { Cluster, PlaceDataEvidence, PlaceFolding, PlaceKnowledge } from '../../matching/index.ts';
import { loadPlaceKnowledge } from '../../matching/place-knowledge-loader.ts';
import { linkColumn } from '../links.ts';
import { queueMergeCandidates } from './candidates.ts';
import type { MergeCandidate } from './candidates.ts';
import type { PipelineStep, StepContext, StepName } from '../types.ts';

interface LookupSpec {
  step: StepName;
  kind: 'branch' | 'lead-source';
  entity: 'branch' | 'lead_source';
  table: string;
  alias: string;
  idColumn: string;
  rawColumn: string;
  /** Tables whose raw spellings found canonical rows. */
  canonicalSources: string[];
  /** Tables whose raw spellings are folded into existing rows and linked. */
  linkedTables: string[];
  /** Branches: where the data evidence comes from (the sales-person column, and whether the table has move origins). */
  evidenceTables?: { table: string; person: string; origins: boolean }[];
  description: string;
}

/** The cluster key of a fuzzy cluster: its distinct normalized keys, sorted. */
export function clusterKey(cluster: Cluster): string {
  return [...new Set(cluster.members.map((m) => m.key))].sort().join('|');
}

/** One raw spelling with its row count, and whether a canonical source (jobs, opportunities…) carries it. */
interface SpellingRow {
  name: string;
  count: number;
  canonical: boolean;
}

/** Every distinct raw spelling of the lookup's tables with its rows. */
async function spellingRows(tx: SqlRunner, spec: LookupSpec): Promise<SpellingRow[]> {
  const { rawColumn } = spec;
  const names = await tx.query(
    `select ${rawColumn}, sum(n)::bigint, bool_or(canonical) from (
       ${[...spec.canonicalSources.map((t) => `select ${rawColumn}, count(*) as n, true as canonical from ${t} where ${rawColumn} is not null group by 1`), ...spec.linkedTables.filter((t) => !spec.canonicalSources.includes(t)).map((t) => `select ${rawColumn}, count(*), false from ${t} where ${rawColumn} is not null group by 1`)].join(' union all ')}
     ) s group by 1`,
  );
  return names.rows.map(([name, count, canonical]) => ({ name: String(name), count: Number(count), canonical: canonical === true }));
}

/**
 * The spellings, and what the rows say about each (branches): the sales people seen with it
 * (normalized name keys) and the cities its moves start from. One scan per table, as for the
 * spellings alone: grouping sets give the (spelling, person) and (spelling, origin) counts at once.
 */
async function spellingRowsWithEvidence(tx: SqlRunner, spec: LookupSpec): Promise<{ rows: SpellingRow[]; evidence: PlaceDataEvidence }> {
  const raw = spec.rawColumn;
  const tables = [...new Set([...spec.canonicalSources, ...spec.linkedTables])];
  const parts = tables.map((table) => {
    const source = (spec.evidenceTables ?? []).find((e) => e.table === table);
    const canonical = spec.canonicalSources.includes(table);
    if (!source) {
      return `select ${raw}, null::text as person, null::text as city, null::text as state, count(*) as n, 0 as by_origin, ${canonical} as canonical
                from ${table} where ${raw} is not null group by 1`;
    }
    checkIdentifier(source.person);
    if (!source.origins) {
      return `select ${raw}, ${source.person} as person, null::text as city, null::text as state, count(*) as n, 0 as by_origin, ${canonical} as canonical
                from ${table} where ${raw} is not null group by 1, 2`;
    }
    return `select ${raw}, ${source.person} as person, origin_city as city, origin_state as state, count(*) as n, grouping(${source.person}) as by_origin, ${canonical} as canonical
              from ${table} where ${raw} is not null group by grouping sets ((${raw}, ${source.person}), (${raw}, origin_city, origin_state))`;
  });
  const result = await tx.query(
    `select ${raw}, person, city, state, sum(n)::bigint, by_origin, bool_or(canonical) from (${parts.join(' union all ')}) s group by 1, 2, 3, 4, 6`,
  );
  const totals = new Map<string, SpellingRow>();
  const people = new Map<string, Map<string, number>>();
  const origins = new Map<string, Map<string, number>>();
  const personKey = new Map<string, string | null>();
  const cityKey = new Map<string, string>();
  const add = (map: Map<string, Map<string, number>>, spelling: string, key: string, rows: number) => {
    const inner = map.get(spelling) ?? map.set(spelling, new Map()).get(spelling)!;
    inner.set(key, (inner.get(key) ?? 0) + rows);
  };
  for (const [value, person, city, state, n, byOrigin, canonical] of result.rows) {
    const spelling = String(value);
    const rows = Number(n);
    if (Number(byOrigin) === 0) {
      // Every row is in exactly one (spelling, person) group, so these add up to the spelling's rows.
      const total = totals.get(spelling) ?? totals.set(spelling, { name: spelling, count: 0, canonical: false }).get(spelling)!;
      total.count += rows;
      total.canonical ||= canonical === true;
      if (person === null) continue;
      const text = String(person);
      if (!personKey.has(text)) personKey.set(text, normalizePersonName(text)?.key || null);
      const key = personKey.get(text);
      if (key) add(people, spelling, key, rows);
    } else {
      if (city === null || state === null) continue;
      const code = String(state).trim().toLowerCase();
      if (!/^[a-z]{2}$/.test(code)) continue;
      const text = String(city);
      if (!cityKey.has(text)) cityKey.set(text, placeLetters(text));
      add(origins, spelling, `${cityKey.get(text)}|${code}`, rows);
    }
  }
  return { rows: [...totals.values()], evidence: { people, origins } };
}

/** The display name of every group: its best spelling from the canonical sources (plain names before codes, then most rows). */
function groupDisplays(rows: readonly SpellingRow[], folding: PlaceFolding, kind: LookupSpec['kind']) {
  const best = new Map<string, { display: string; rank: number; count: number }>();
  for (const r of rows) {
    const key = folding.keyOf.get(r.name);
    if (!r.canonical || key === undefined) continue;
    const rank = folding.rankOf.get(r.name) ?? 0;
    const current = best.get(key);
    if (!current || rank > current.rank || (rank === current.rank && r.count > current.count)) {
      best.set(key, { display: normalizePlaceName(r.name, kind)?.display || r.name.trim(), rank, count: r.count });
    }
  }
  return best;
}

/**
 * A lookup step (branches, lead sources). Every distinct raw spelling is folded into the group of
 * spellings that name one branch or source (docs/matching.md, "Lookups"): the same name after
 * normalization, and what the shipped lists and, for branches, the data prove (a state written
 * after the name, "Branch", an airport code, a city nickname, a channel synonym, the sales people a
 * spelling shares with an office). Each group becomes one canonical row, with an alias per raw
 * spelling; what is only likely goes to the review queue and is not merged. Then every data row's id
 * is set from the alias of its raw text. Only names are handled in JavaScript; the data is updated
 * set-based.
 */
function lookupStep(spec: LookupSpec, knowledgeOf: () => PlaceKnowledge = () => loadPlaceKnowledge()): PipelineStep {
  const { table, alias, idColumn, rawColumn } = spec;
  [table, alias, idColumn, rawColumn, ...spec.canonicalSources, ...spec.linkedTables].forEach(checkIdentifier);
  return {
    name: spec.step,
    description: spec.description,
    after: [],
    async apply(ctx: StepContext) {
      const { tx } = ctx;
      const { rows, evidence } = spec.evidenceTables ? await spellingRowsWithEvidence(tx, spec) : { rows: await spellingRows(tx, spec), evidence: undefined };
      ctx.progress(`${rows.length} distinct spellings`);
      const knowledge = knowledgeOf();
      const folding = foldPlaces(rows, spec.kind, { knowledge, ...(evidence ? { evidence } : {}) });
      const keyed = rows.filter((r) => folding.keyOf.has(r.name));
      ctx.note('blank or unreadable spellings', rows.length - keyed.length);
      ctx.note('spellings folded beyond their normalized key (rules, lists, data)', keyed.filter((r) => (folding.notesOf.get(r.name) ?? []).length > 0).length);
      const best = groupDisplays(rows, folding, spec.kind);
      await tx.exec(`drop table if exists lookup_map; create temp table lookup_map (raw_name text not null, name_key text not null, display text) on commit drop`);
      await tx.copyRows('lookup_map', ['raw_name', 'name_key', 'display'], keyed.map((r) => {
        const key = folding.keyOf.get(r.name)!;
        return [r.name, key, best.get(key)?.display ?? null];
      }));
      await ctx.change(
        table,
        'insert',
        `insert into ${table} (name, name_key)
         select distinct on (name_key) display, name_key from lookup_map m
          where display is not null and not exists (select 1 from ${table} t where t.name_key = m.name_key)
          order by name_key
         returning name, name_key`,
      );
      await ctx.change(
        alias,
        'insert',
        `insert into ${alias} (raw_name, ${idColumn}, origin)
         select m.raw_name, t.${idColumn}, 'pipeline' from lookup_map m join ${table} t using (name_key)
         on conflict (raw_name) do nothing
         returning raw_name, ${idColumn}`,
      );
      // An alias an earlier run made by itself follows the spelling's group now (a reviewer's stays).
      await ctx.change(
        alias,
        'update',
        `update ${alias} a set ${idColumn} = t.${idColumn}
           from lookup_map m join ${table} t using (name_key)
          where a.raw_name = m.raw_name and a.origin = 'pipeline' and a.${idColumn} <> t.${idColumn}
         returning a.raw_name, a.${idColumn}`,
      );
      const unmatched = await tx.query(`select count(*) from lookup_map m where not exists (select 1 from ${alias} a where a.raw_name = m.raw_name)`);
      ctx.note('spellings with no canonical row (seen only outside the canonical sources)', Number(unmatched.rows[0]?.[0] ?? 0));
      for (const data of spec.linkedTables) {
        await ctx.change(
          data,
          'link',
          `update ${data} d set ${idColumn} = a.${idColumn}, updated_at = now()
             from ${alias} a
            where a.raw_name = d.${rawColumn} and d.${idColumn} is distinct from a.${idColumn}
           returning d.${rawColumn} as raw, a.${idColumn}`,
          [],
          linkColumn(data, idColumn) ? { columns: [idColumn] } : {},
        );
      }
      // Fuzzy clusters and what the folding found likely but unproven go to the review queue; the same
      // cluster is written once.
      const clusters = clusterNames(rows, { kind: spec.kind, placeKnowledge: knowledge, ...(evidence ? { placeEvidence: evidence } : {}) }).filter(
        (c) => new Set(c.members.map((m) => m.key)).size > 1,
      );
      const fuzzy: MergeCandidate[] = clusters.map((c) => ({ key: clusterKey(c), canonical: c.canonical, members: c.members.map(({ name, count }) => ({ name, count })), score: c.score, evidence: c.evidence }));
      const groups = new Map(folding.groups.map((g) => [g.key, g]));
      const suggested: MergeCandidate[] = [];
      for (const s of folding.suggestions) {
        // A pair the engine already clusters gets the folding's reasons added; any other is a candidate of its own.
        const covering = fuzzy.find((c) => s.keys.every((k) => c.key.split('|').includes(k)));
        if (covering) {
          covering.evidence = [...new Set([...covering.evidence, ...s.evidence])];
          continue;
        }
        const [a, b] = s.keys.map((k) => groups.get(k)!).sort((x, y) => y.count - x.count);
        suggested.push({ key: s.keys.join('|'), canonical: a!.canonical, members: [...a!.members, ...b!.members], score: s.score, evidence: s.evidence });
      }
      ctx.note('merge candidates found', fuzzy.length + suggested.length);
      await queueMergeCandidates(ctx, spec.entity, [...fuzzy, ...suggested]);
    },
  };
}

const allBranchTables = ['job', 'booked_opportunity', 'lead_status', 'bad_lead', 'lost_lead', 'user_performance', 'sales_performance'];

/** The branches step; `knowledge` replaces the shipped lists (tests). */
export function createBranchesStep(knowledge?: () => PlaceKnowledge): PipelineStep {
  return lookupStep(
    {
      step: 'branches',
      kind: 'branch',
      entity: 'branch',
      table: 'branch',
      alias: 'branch_alias',
      idColumn: 'branch_id',
      rawColumn: 'raw_branch',
      canonicalSources: ['job', 'booked_opportunity'],
      linkedTables: allBranchTables,
      evidenceTables: [
        { table: 'job', person: 'raw_sales_person', origins: true },
        { table: 'booked_opportunity', person: 'raw_sales_person', origins: true },
        { table: 'lead_status', person: 'raw_sales_person', origins: true },
        { table: 'lost_lead', person: 'raw_sales_person', origins: false },
        { table: 'sales_performance', person: 'raw_sales_person', origins: false },
        { table: 'user_performance', person: 'raw_user_name', origins: false },
      ],
      description: 'the Branch lookup from jobs and opportunities, spelling variants folded through the alias table',
    },
    knowledge,
  );
}

/** The lead-sources step; `knowledge` replaces the shipped lists (tests). */
export function createLeadSourcesStep(knowledge?: () => PlaceKnowledge): PipelineStep {
  return lookupStep(
    {
      step: 'lead-sources',
      kind: 'lead-source',
      entity: 'lead_source',
      table: 'lead_source',
      alias: 'lead_source_alias',
      idColumn: 'lead_source_id',
      rawColumn: 'raw_lead_source',
      canonicalSources: ['job', 'booked_opportunity', 'lead_status', 'bad_lead', 'lost_lead'],
      linkedTables: ['job', 'booked_opportunity', 'lead_status', 'bad_lead', 'lost_lead'],
      description: 'the LeadSource lookup from all five lead sources, spelling variants folded through the alias table',
    },
    knowledge,
  );
}

export const branchesStep = createBranchesStep();
export const leadSourcesStep = createLeadSourcesStep();
