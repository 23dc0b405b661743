import { pairwiseScores } from './pairwise.ts';
import type { PairwiseScores } from './pairwise.ts';

/**
 * One raw spelling and the entity it truly names, as in the sample generator's truth files
 * (`truth/sales_person_names.csv`: `raw_name,person_id`).
 *
 * @example { name: 'Smith, John', truth: '1' }
 */
export interface TruthName {
  name: string;
  truth: string;
}

/**
 * How a clustering of distinct raw spellings compares with the truth.
 *
 * - `pairwise`: over pairs of distinct raw spellings (not rows). A pair is predicted-same when both
 *   spellings are members of one cluster; a spelling in no cluster is a singleton and makes no
 *   predicted pair, but its true pairs still count against recall.
 * - `autoMergeClusters` / `impureAutoMergeClusters`: clusters with `autoMerge: true`, and those among
 *   them whose members name more than one true entity (must be 0: they would be merged unseen).
 * - `impureAutoMergeGroups`: clusters whose members flagged `autoMerge` (safe to fold into the
 *   canonical spelling without review) name more than one true entity; also must be 0.
 * - `impureClusters`: review clusters mixing entities (a reviewer has to split them).
 * - `unknown`: cluster members absent from the truth (should be 0).
 *
 * @example
 * truthScores([{ name: 'Bob Allen', truth: '7' }, { name: 'Robert Allen', truth: '7' }], clusters)
 * // { pairwise: { precision: 1, recall: 1, … }, clusters: 1, autoMergeClusters: 0, impureAutoMergeClusters: 0, … }
 */
export interface TruthScores {
  names: number;
  entities: number;
  pairwise: PairwiseScores;
  clusters: number;
  autoMergeClusters: number;
  impureAutoMergeClusters: number;
  impureAutoMergeGroups: number;
  impureClusters: number;
  unknown: number;
}

/** What the scores need of a cluster: the engine's `Cluster` and the CLI's JSON clusters both fit. */
export interface ScoredCluster {
  autoMerge: boolean;
  members: readonly { name: string; autoMerge: boolean }[];
}

export function truthScores(truth: readonly TruthName[], clusters: readonly ScoredCluster[]): TruthScores {
  const truthOf = new Map<string, string>();
  for (const row of truth) truthOf.set(row.name, row.truth);
  const clusterOf = new Map<string, number>();
  let unknown = 0;
  let autoMergeClusters = 0;
  let impureAutoMergeClusters = 0;
  let impureAutoMergeGroups = 0;
  let impureClusters = 0;
  const entitiesOf = (names: readonly string[]): number => new Set(names.map((name) => truthOf.get(name) ?? `unknown ${name}`)).size;
  clusters.forEach((cluster, index) => {
    const names = cluster.members.map((member) => member.name);
    for (const name of names) {
      clusterOf.set(name, index);
      if (!truthOf.has(name)) unknown++;
    }
    const impure = entitiesOf(names) > 1;
    if (impure) impureClusters++;
    if (cluster.autoMerge) {
      autoMergeClusters++;
      if (impure) impureAutoMergeClusters++;
    }
    if (entitiesOf(cluster.members.filter((member) => member.autoMerge).map((member) => member.name)) > 1) impureAutoMergeGroups++;
  });
  const pairwise = pairwiseScores(
    [...truthOf].map(([name, id]) => {
      const cluster = clusterOf.get(name);
      return { predicted: cluster === undefined ? `name ${name}` : `cluster ${cluster}`, truth: id };
    }),
  );
  return {
    names: truthOf.size,
    entities: new Set(truthOf.values()).size,
    pairwise,
    clusters: clusters.length,
    autoMergeClusters,
    impureAutoMergeClusters,
    impureAutoMergeGroups,
    impureClusters,
    unknown,
  };
}

/**
 * The rows of a sample truth file (`raw_name,person_id`, `raw_name,branch_id`,
 * `raw_name,lead_source_id`) as TruthName records; the id column is the one ending in `_id`.
 *
 * @example truthNames({ header: ['raw_name', 'person_id'], rows: [['Bob Allen', '7']] }) // [{ name: 'Bob Allen', truth: '7' }]
 */
export function truthNames(table: { header: readonly string[]; rows: readonly (readonly string[])[] }): TruthName[] {
  const nameIndex = table.header.indexOf('raw_name');
  const idIndex = table.header.findIndex((column) => column.endsWith('_id'));
  if (nameIndex < 0 || idIndex < 0) throw new Error(`not a truth file: header ${table.header.join(',')}`);
  return table.rows.map((cells) => ({ name: cells[nameIndex] ?? '', truth: cells[idIndex] ?? '' })).filter((row) => row.name.trim() !== '');
}
