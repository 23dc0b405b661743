import { readFileSync } from 'node:fs';
import { parseNicknameCsv } from './nicknames.ts';
import type { NicknameMap } from './nicknames.ts';

/**
 * Read the nickname CSV (resources/nicknames/names.csv in this repository; the packaged app passes
 * its resources path). Kept apart from the engine so that the engine never imports `node:` modules.
 *
 * @example clusterNames(rows, { kind: 'sales-person', nicknames: loadNicknames('resources/nicknames/names.csv') })
 */
export function loadNicknames(path: string): NicknameMap {
  return parseNicknameCsv(readFileSync(path, 'utf8'));
}
