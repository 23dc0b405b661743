/**
 * The contract between the kind-independent clustering engine (cluster.ts) and the kind-specific
 * rules (person-matcher.ts, place-matcher.ts).
 */

/** What every normalized spelling offers the engine. */
export interface NormalizedName {
  raw: string;
  /** Spellings with the same key are merged automatically. */
  key: string;
  /** Clean display spelling derived from the raw one. */
  display: string;
}

/**
 * - `link`: compared pairwise inside blocks.
 * - `attach`: joins an existing cluster afterwards, only when exactly one cluster fits ("J. Smith").
 * - `exact`: merged with identical keys only.
 */
export type FormRole = 'link' | 'attach' | 'exact';

/** One distinct normalized key with its summed row count, as the rules see it. */
export interface FormView<N> {
  id: number;
  name: N;
  count: number;
  /** Display spelling used in evidence ("Jhon Smith"). */
  label: string;
}

/**
 * The outcome of comparing two forms.
 *
 * @example { score: 0.9, evidence: ['nickname Bob → Robert'], conflict: false }
 */
export interface PairVerdict {
  /** 0..1; LINK_THRESHOLD and above links the pair. */
  score: number;
  evidence: string[];
  /** A contradiction (Jr. vs Sr., different middle initials, branch 12 vs 13): never in one cluster. */
  conflict: boolean;
}

export interface AttachLink {
  from: number;
  to: number;
  score: number;
  evidence: string[];
}

export interface Matcher<N extends NormalizedName> {
  normalize(raw: string): N | null;
  role(name: N): FormRole;
  blockingKeys(name: N): Iterable<string>;
  compare(a: FormView<N>, b: FormView<N>): PairVerdict;
  /** Links for `attach` forms, given the clusters of `link` forms (componentOf maps a form id to its cluster). */
  attach(forms: readonly FormView<N>[], componentOf: (id: number) => number): AttachLink[];
  /**
   * Why a raw spelling reads as its form's display spelling ("case/spacing only", "branch annotation
   * removed (Denver)"). `reference` is the raw spelling shown as display, or null when the display
   * spelling was built by the normalizer (no raw spelling was well-formed).
   */
  sameKeyEvidence(spelling: N, reference: N | null, display: string): string[];
  /**
   * A reason not to merge same-key spellings automatically, e.g. "Mike Jones (Denver)" and
   * "Mike Jones (Boulder)" may be two people; null when none.
   */
  sameKeyWarning(names: readonly N[]): string | null;
  /** Preference among forms when choosing the canonical spelling (higher first, then count). */
  canonicalRank(name: N): number;
}
