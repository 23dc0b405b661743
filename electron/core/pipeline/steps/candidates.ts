import type { StepContext } from '../types.ts';

/** A cluster for the review queue, keyed by its members so a second run finds it again. */
export interface MergeCandidate {
  key: string;
  canonical: string;
  members: { name: string; count: number }[];
  score: number;
  evidence: string[];
}

/** Writes candidates to `merge_candidate` (pending); a cluster already queued is left as it is. */
export async function queueMergeCandidates(
  ctx: StepContext,
  entity: 'sales_person' | 'branch' | 'lead_source',
  candidates: readonly MergeCandidate[],
): Promise<void> {
  if (candidates.length === 0) return;
  const { tx } = ctx;
  await tx.exec(
    `drop table if exists queued_candidate; create temp table queued_candidate (cluster_key text, canonical_name text, members text, score text, evidence text) on commit drop`,
  );
  await tx.copyRows(
    'queued_candidate',
    ['cluster_key', 'canonical_name', 'members', 'score', 'evidence'],
    candidates.map((c) => [c.key, c.canonical, JSON.stringify(c.members), c.score.toFixed(3), JSON.stringify(c.evidence)]),
  );
  await ctx.change(
    'merge_candidate',
    'insert',
    `insert into merge_candidate (entity_kind, cluster_key, canonical_name, members, score, evidence)
     select $1, cluster_key, canonical_name, members::jsonb, score::numeric, evidence::jsonb from queued_candidate
     on conflict (entity_kind, cluster_key) do nothing
     returning canonical_name, score`,
    [entity],
  );
}
