import type { Form } from './forms.ts';
import { compareText } from './forms.ts';
import type { Matcher, NormalizedName } from './matcher.ts';
import type { Cluster, ClusterLink, ClusterMember, NameKind } from './types.ts';

/** A link between two forms (ids), as accepted by the engine. */
export interface FormLink {
  a: number;
  b: number;
  score: number;
  evidence: string[];
  /** Joined two clusters (part of the spanning tree), as opposed to confirming an existing one. */
  spanning: boolean;
}

/**
 * Turn one connected set of forms into the public Cluster: choose the canonical form (best rank, then
 * most rows), list members, and gather evidence from form links and from same-key spellings.
 */
export function buildCluster<N extends NormalizedName>(
  kind: NameKind,
  matcher: Matcher<N>,
  members: readonly Form<N>[],
  links: readonly FormLink[],
  allForms: readonly Form<N>[],
): Cluster {
  const ranked = [...members].sort(
    (a, b) =>
      matcher.canonicalRank(b.view.name) - matcher.canonicalRank(a.view.name) ||
      b.view.count - a.view.count ||
      compareText(a.view.name.key, b.view.name.key),
  );
  const canonicalForm = ranked[0]!;
  const warnings = new Map<Form<N>, string>();
  for (const form of members) {
    const warning = form.spellings.length > 1 ? matcher.sameKeyWarning(form.spellings.map((s) => s.normalized)) : null;
    if (warning !== null) warnings.set(form, warning);
  }
  const canonicalSafe = !warnings.has(canonicalForm);

  const clusterMembers: ClusterMember[] = members
    .flatMap((form) =>
      form.spellings.map((s) => ({
        name: s.name,
        count: s.count,
        key: s.normalized.key,
        autoMerge: form === canonicalForm && canonicalSafe,
      })),
    )
    .sort((a, b) => b.count - a.count || compareText(a.name, b.name));

  const formLinks: ClusterLink[] = [...links]
    .sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)
    .map((link) => ({
      from: allForms[link.a]!.display,
      to: allForms[link.b]!.display,
      score: link.score,
      evidence: link.evidence,
    }));
  const sameKeyLinks: ClusterLink[] = ranked.flatMap((form) =>
    form.spellings
      .filter((s) => s.name !== form.display)
      .map((s) => ({
        from: s.name,
        to: form.display,
        score: 1,
        evidence: matcher.sameKeyEvidence(s.normalized, form.anchor.name === form.display ? form.anchor.normalized : null, form.display),
      })),
  );
  const evidence = [...new Set([...warnings.values(), ...[...formLinks, ...sameKeyLinks].flatMap((l) => l.evidence)])];
  const spanning = links.filter((link) => link.spanning).map((link) => link.score);

  return {
    kind,
    canonical: canonicalForm.display,
    autoMerge: members.length === 1 && canonicalSafe,
    score: spanning.length === 0 ? 1 : Math.min(...spanning),
    count: clusterMembers.reduce((sum, m) => sum + m.count, 0),
    members: clusterMembers,
    evidence,
    links: [...formLinks, ...sameKeyLinks],
  };
}
