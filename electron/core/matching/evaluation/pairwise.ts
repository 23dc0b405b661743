/**
 * Pairwise precision / recall / F1 of a clustering against ground truth, over records (rows):
 * every unordered pair of records is either predicted-same (same predicted cluster) or not, and
 * either truly-same (same truth id) or not. Counted from the contingency table, so it is exact and
 * linear in the number of records.
 *
 * @example
 * pairwiseScores([{ predicted: 'a', truth: '1' }, { predicted: 'a', truth: '1' }, { predicted: 'b', truth: '1' }])
 * // { truePositives: 1, predictedPairs: 1, truePairs: 3, precision: 1, recall: 0.333…, f1: 0.5 }
 */
export interface PairwiseScores {
  truePositives: number;
  predictedPairs: number;
  truePairs: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface LabelledRecord {
  predicted: string;
  truth: string;
}

export function pairwiseScores(records: readonly LabelledRecord[]): PairwiseScores {
  const cells = new Map<string, number>();
  const predicted = new Map<string, number>();
  const truth = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const record of records) {
    bump(cells, JSON.stringify([record.predicted, record.truth]));
    bump(predicted, record.predicted);
    bump(truth, record.truth);
  }
  const pairs = (map: Map<string, number>): number => [...map.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
  const truePositives = pairs(cells);
  const predictedPairs = pairs(predicted);
  const truePairs = pairs(truth);
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, predictedPairs, truePairs, precision, recall, f1 };
}
