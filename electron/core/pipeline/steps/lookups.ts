import { checkIdentifier } from '../../db/copy.ts';
import { clusterNames, normalizePlaceName } from '../../matching/index.ts';
import { queueMergeCandidates } from './candidates.ts';
import type { Cluster } from '../../matching/index.ts';
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
  description: string;
}

/** The cluster key of a fuzzy cluster: its distinct normalized keys, sorted. */
export function clusterKey(cluster: Cluster): string {
  return [...new Set(cluster.members.map((m) => m.key))].sort().join('|');
}

/**
 * A lookup step (branches, lead sources): every distinct raw spelling gets a normalized key; spellings
 * with the same key become one canonical row automatically, with an alias per raw spelling; fuzzier
 * clusters (the matching engine) become merge candidates for review and are not merged. Then every
 * data row's id is set from the alias of its raw text. Only names are handled in JavaScript; the data
 * is updated set-based.
 */
function lookupStep(spec: LookupSpec): PipelineStep {
  const { table, alias, idColumn, rawColumn } = spec;
  [table, alias, idColumn, rawColumn, ...spec.canonicalSources, ...spec.linkedTables].forEach(checkIdentifier);
  return {
    name: spec.step,
    description: spec.description,
    after: [],
    async apply(ctx: StepContext) {
      const { tx } = ctx;
      const names = await tx.query(
        `select ${rawColumn}, sum(n)::bigint, bool_or(canonical) from (
           ${[...spec.canonicalSources.map((t) => `select ${rawColumn}, count(*) as n, true as canonical from ${t} where ${rawColumn} is not null group by 1`), ...spec.linkedTables.filter((t) => !spec.canonicalSources.includes(t)).map((t) => `select ${rawColumn}, count(*), false from ${t} where ${rawColumn} is not null group by 1`)].join(' union all ')}
         ) s group by 1`,
      );
      const rows = names.rows.map(([name, count, canonical]) => ({ name: String(name), count: Number(count), canonical: canonical === true }));
      ctx.progress(`${rows.length} distinct spellings`);
      const keyed = rows
        .map((r) => ({ ...r, place: normalizePlaceName(r.name, spec.kind) }))
        .filter((r): r is typeof r & { place: NonNullable<typeof r.place> } => r.place !== null && r.place.key !== '');
      ctx.note('blank or unreadable spellings', rows.length - keyed.length);
      // The display name of a key: the most frequent spelling from the canonical sources.
      const best = new Map<string, { display: string; count: number }>();
      for (const r of keyed) {
        if (!r.canonical) continue;
        const current = best.get(r.place.key);
        if (!current || r.count > current.count) best.set(r.place.key, { display: r.place.display || r.name.trim(), count: r.count });
      }
      await tx.exec(`drop table if exists lookup_map; create temp table lookup_map (raw_name text not null, name_key text not null, display text) on commit drop`);
      await tx.copyRows('lookup_map', ['raw_name', 'name_key', 'display'], keyed.map((r) => [r.name, r.place.key, best.get(r.place.key)?.display ?? null]));
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
        );
      }
      // Fuzzy clusters go to the review queue; the same cluster is written once.
      const clusters = clusterNames(rows, { kind: spec.kind }).filter((c) => new Set(c.members.map((m) => m.key)).size > 1);
      ctx.note('merge candidates found', clusters.length);
      await queueMergeCandidates(
        ctx,
        spec.entity,
        clusters.map((c) => ({ key: clusterKey(c), canonical: c.canonical, members: c.members.map(({ name, count }) => ({ name, count })), score: c.score, evidence: c.evidence })),
      );
    },
  };
}

export const branchesStep = lookupStep({
  step: 'branches',
  kind: 'branch',
  entity: 'branch',
  table: 'branch',
  alias: 'branch_alias',
  idColumn: 'branch_id',
  rawColumn: 'raw_branch',
  canonicalSources: ['job', 'booked_opportunity'],
  linkedTables: ['job', 'booked_opportunity', 'lead_status', 'bad_lead', 'lost_lead', 'user_performance', 'sales_performance'],
  description: 'the Branch lookup from jobs and opportunities, spelling variants folded through the alias table',
});

export const leadSourcesStep = lookupStep({
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
});
