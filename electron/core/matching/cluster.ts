import { buildCluster } from './build-cluster.ts';
import type { FormLink } from './build-cluster.ts';
import { buildForms } from './forms.ts';
import type { Form } from './forms.ts';
import type { Matcher, NormalizedName, PairVerdict } from './matcher.ts';
import { personMatcher } from './person-matcher.ts';
import { placeMatcher } from './place-matcher.ts';
import { COMPATIBLE_THRESHOLD, LINK_THRESHOLD, MAX_BLOCK_SIZE } from './thresholds.ts';
import type { Cluster, ClusterOptions, NameKind, NameInput } from './types.ts';
import { UnionFind } from './union-find.ts';

/**
 * Find merge candidates among raw name spellings. Returns only clusters with two or more raw
 * spellings, most rows first. Pure and synchronous: no I/O, no `node:` imports.
 *
 * @example
 * clusterNames(
 *   [{ name: 'Robert Allen', count: 10 }, { name: 'ALLEN, ROBERT', count: 3 }, { name: 'Bob Allen' }],
 *   { kind: 'sales-person', nicknames },
 * )
 * // [{ canonical: 'Robert Allen', autoMerge: false, score: 0.9, evidence: ['nickname Bob → Robert', …], … }]
 */
export function clusterNames(input: readonly NameInput[], options: ClusterOptions): Cluster[] {
  switch (options.kind) {
    case 'sales-person':
      return clusterWith(personMatcher(options.nicknames), input, options.kind);
    case 'branch':
    case 'lead-source':
      return clusterWith(
        placeMatcher(options.kind, options.abbreviations, { input, knowledge: options.placeKnowledge, evidence: options.placeEvidence }),
        input,
        options.kind,
      );
  }
}

function clusterWith<N extends NormalizedName>(matcher: Matcher<N>, input: readonly NameInput[], kind: NameKind): Cluster[] {
  const forms = buildForms(matcher, input);
  const size = forms.length;
  // Verdicts for the compatibility checks; block comparisons are not kept (most are below threshold).
  const verdicts = new Map<number, PairVerdict>();
  const compare = (i: number, j: number): PairVerdict => {
    const [a, b] = i < j ? [i, j] : [j, i];
    const pair = a * size + b;
    let verdict = verdicts.get(pair);
    if (verdict === undefined) {
      verdict = matcher.compare(forms[a]!.view, forms[b]!.view);
      verdicts.set(pair, verdict);
    }
    return verdict;
  };

  const candidates = candidateLinks(matcher, forms);
  const sets = new UnionFind(size);
  const links: FormLink[] = [];
  // Strongest links first; a link joining two clusters must be compatible with every member of both
  // (complete linkage on a lower threshold), which stops chains like John → Jon → Joan.
  for (const link of candidates) {
    const rootA = sets.find(link.a);
    const rootB = sets.find(link.b);
    if (rootA === rootB) {
      links.push({ ...link, spanning: false });
    } else if (compatible(sets.membersOf(rootA), sets.membersOf(rootB), compare)) {
      sets.union(rootA, rootB);
      links.push({ ...link, spanning: true });
    }
  }
  const attachLinks = matcher.attach(
    forms.map((form) => form.view),
    (id) => sets.find(id),
  );
  for (const link of attachLinks) {
    sets.union(link.from, link.to);
    links.push({ a: link.from, b: link.to, score: link.score, evidence: link.evidence, spanning: true });
  }

  const componentForms = new Map<number, Form<N>[]>();
  for (const form of forms) {
    const root = sets.find(form.view.id);
    const list = componentForms.get(root);
    if (list) list.push(form);
    else componentForms.set(root, [form]);
  }
  const componentLinks = new Map<number, FormLink[]>();
  for (const link of links) {
    const root = sets.find(link.a);
    const list = componentLinks.get(root);
    if (list) list.push(link);
    else componentLinks.set(root, [link]);
  }

  const clusters: Cluster[] = [];
  for (const [root, members] of componentForms) {
    const spellings = members.reduce((sum, form) => sum + form.spellings.length, 0);
    if (spellings < 2) continue;
    clusters.push(buildCluster(kind, matcher, members, componentLinks.get(root) ?? [], forms));
  }
  return clusters.sort((a, b) => b.count - a.count || (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0));
}

/** Pairs sharing a blocking key, compared once each; those at or above the link threshold, strongest first. */
function candidateLinks<N extends NormalizedName>(
  matcher: Matcher<N>,
  forms: readonly Form<N>[],
): Omit<FormLink, 'spanning'>[] {
  // Most keys are held by one form only; store a bare id until a second form arrives, which saves
  // hundreds of thousands of one-element arrays (and their garbage collection) on large inputs.
  const blocks = new Map<string, number | number[]>();
  for (const form of forms) {
    if (matcher.role(form.view.name) !== 'link') continue;
    const id = form.view.id;
    for (const key of matcher.blockingKeys(form.view.name)) {
      const block = blocks.get(key);
      if (block === undefined) blocks.set(key, id);
      else if (typeof block === 'number') blocks.set(key, [block, id]);
      else block.push(id);
    }
  }
  const seen = new Set<number>();
  const size = forms.length;
  const links: Omit<FormLink, 'spanning'>[] = [];
  for (const block of blocks.values()) {
    if (typeof block === 'number' || block.length > MAX_BLOCK_SIZE) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        // Ids are pushed in increasing order, so block[i] < block[j].
        const a = block[i]!;
        const b = block[j]!;
        const pair = a * size + b;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const verdict = matcher.compare(forms[a]!.view, forms[b]!.view);
        if (!verdict.conflict && verdict.score >= LINK_THRESHOLD) links.push({ a, b, score: verdict.score, evidence: verdict.evidence });
      }
    }
  }
  return links.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

function compatible(
  left: readonly number[],
  right: readonly number[],
  compare: (i: number, j: number) => PairVerdict,
): boolean {
  for (const a of left) {
    for (const b of right) {
      const verdict = compare(a, b);
      if (verdict.conflict || verdict.score < COMPATIBLE_THRESHOLD) return false;
    }
  }
  return true;
}
