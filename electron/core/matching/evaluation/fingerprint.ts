import { foldText } from '../text.ts';

/**
 * OpenRefine's "fingerprint" key-collision method, the baseline the engine must beat: lower-case,
 * fold accents, strip punctuation, split into tokens, dedupe, sort, join.
 *
 * @example fingerprintKey('Smith, John') === fingerprintKey('john SMITH') // 'john smith'
 */
export function fingerprintKey(name: string): string {
  const tokens = foldText(name.trim())
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter((token) => token !== '');
  return [...new Set(tokens)].sort().join(' ');
}
