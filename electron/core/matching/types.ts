import type { NicknameMap } from './nicknames.ts';
import type { PlaceDataEvidence } from './place-evidence.ts';
import type { PlaceKnowledge } from './place-knowledge.ts';

/** Which column the names come from; each kind has its own normalization and rules. */
export type NameKind = 'sales-person' | 'branch' | 'lead-source';

/**
 * One raw spelling as found in the data, with the number of rows carrying it (default 1).
 *
 * @example { name: 'SMITH, John', count: 12 }
 */
export interface NameInput {
  name: string;
  count?: number;
}

/**
 * @example { kind: 'sales-person', nicknames: loadNicknames('resources/nicknames/names.csv') }
 * @example { kind: 'branch', abbreviations: { 'dtc': 'denver tech center' } }
 */
export interface ClusterOptions {
  kind: NameKind;
  /** Given-name nicknames (sales-person only); without it, nickname evidence is never found. */
  nicknames?: NicknameMap;
  /** Extra abbreviations for branch and lead-source names, merged over the built-in ones. */
  abbreviations?: Readonly<Record<string, string>>;
  /**
   * General knowledge for branch and lead-source names (airport codes, city nicknames, states, channel
   * synonyms: `loadPlaceKnowledge()` in place-knowledge-loader.ts); without it only spelling rules fold.
   */
  placeKnowledge?: PlaceKnowledge;
  /** Branches: what the data rows say about each spelling (sales people, origins); the pipeline passes it. */
  placeEvidence?: PlaceDataEvidence;
}

/**
 * A raw spelling inside a cluster.
 *
 * @example { name: 'SMITH, John', count: 12, key: 'john smith', autoMerge: true }
 */
export interface ClusterMember {
  name: string;
  count: number;
  /** Normalized key; members sharing a key are the same name after normalization. */
  key: string;
  /** Identical to the canonical spelling after normalization: safe to merge without review. */
  autoMerge: boolean;
}

/**
 * Why two spellings were put together. Fuzzy links are between forms (distinct keys), shown by
 * their best spelling; same-key links have score 1.
 *
 * @example { from: 'Bob Allen', to: 'Robert Allen', score: 0.9, evidence: ['nickname Bob → Robert'] }
 */
export interface ClusterLink {
  from: string;
  to: string;
  score: number;
  evidence: string[];
}

/**
 * A set of spellings that probably name the same person, branch or lead source.
 *
 * @example
 * {
 *   kind: 'sales-person', canonical: 'Robert Allen', autoMerge: false, score: 0.9, count: 14,
 *   members: [
 *     { name: 'Robert Allen', count: 10, key: 'robert allen', autoMerge: true },
 *     { name: 'ALLEN, ROBERT', count: 3, key: 'robert allen', autoMerge: true },
 *     { name: 'Bob Allen', count: 1, key: 'bob allen', autoMerge: false },
 *   ],
 *   evidence: ['nickname Bob → Robert', '"Last, First" order normalized'],
 *   links: [ … ],
 * }
 */
export interface Cluster {
  kind: NameKind;
  /** Best display spelling: the most frequent well-formed spelling of the strongest form. */
  canonical: string;
  /** Every member has the canonical key: merge without review. Otherwise the cluster is a review candidate. */
  autoMerge: boolean;
  /** 1 for auto-merge clusters; otherwise the weakest link holding the cluster together (0..1). */
  score: number;
  /** Sum of member counts. */
  count: number;
  /** Most rows first. */
  members: ClusterMember[];
  /** Distinct reviewer-readable reasons, strongest links first. */
  evidence: string[];
  links: ClusterLink[];
}
