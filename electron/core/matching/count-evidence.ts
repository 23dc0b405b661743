import { COUNT_EVIDENCE, MAX_FUZZY_SCORE } from './thresholds.ts';

/**
 * Score adjustment from row counts, applied to spelling-based links only.
 *
 * @example countAdjustment({ label: 'Jhon Smith', count: 1 }, { label: 'John Smith', count: 48 })
 * // { delta: 0.15, evidence: 'Jhon Smith is rare (1 vs 48 rows), typical of a typo' }
 */
export interface CountAdjustment {
  delta: number;
  evidence: string | null;
}

export interface CountedLabel {
  label: string;
  count: number;
}

export function countAdjustment(a: CountedLabel, b: CountedLabel): CountAdjustment {
  const [rare, common] = a.count <= b.count ? [a, b] : [b, a];
  if (common.count >= COUNT_EVIDENCE.rareMinMajority && common.count >= rare.count * COUNT_EVIDENCE.rareRatio) {
    return {
      delta: COUNT_EVIDENCE.rareVariantBonus,
      evidence: `${rare.label} is rare (${rare.count} vs ${common.count} rows), typical of a typo`,
    };
  }
  if (rare.count >= COUNT_EVIDENCE.commonMinCount && rare.count * COUNT_EVIDENCE.commonRatio >= common.count) {
    return {
      delta: -COUNT_EVIDENCE.bothCommonPenalty,
      evidence: `both spellings are common (${a.count} and ${b.count} rows), may be different names`,
    };
  }
  return { delta: 0, evidence: null };
}

/** Apply an adjustment to a score, keeping it in 0..1 and a bonus at or below MAX_FUZZY_SCORE. */
export function adjustScore(score: number, delta: number): number {
  const adjusted = delta > 0 ? Math.max(score, Math.min(MAX_FUZZY_SCORE, score + delta)) : score + delta;
  return Math.round(Math.min(1, Math.max(0, adjusted)) * 1000) / 1000;
}
