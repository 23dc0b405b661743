import { damerauLevenshtein } from '../matching/damerau-levenshtein.ts';

/**
 * The known names closest to `wanted`, best first: those within a few edits (a typo), then those
 * that contain it or share most of its words (`revenue` → every revenue-… slug).
 * @example closestNames('revenue-by-mnth', ['revenue-by-month', 'jobs-by-branch']) → ['revenue-by-month']
 */
export function closestNames(wanted: string, known: readonly string[], limit = 3): string[] {
  const target = wanted.toLowerCase().trim();
  if (target === '') return [];
  const words = target.split(/[-_\s]+/).filter(Boolean);
  const scored = known.map((name) => {
    const distance = damerauLevenshtein(target, name);
    const typo = distance <= Math.max(2, Math.floor(target.length / 4));
    const parts = name.split('-');
    const shared = words.filter((w) => parts.some((p) => p === w || (w.length >= 4 && p.startsWith(w)))).length;
    const contains = name.includes(target);
    const score = typo ? distance : contains ? 100 + name.length : shared > 0 && shared >= Math.ceil(words.length / 2) ? 1000 - shared * 10 + distance / 100 : Infinity;
    return { name, score };
  });
  return scored
    .filter((s) => Number.isFinite(s.score))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}
