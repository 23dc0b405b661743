import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlaceKnowledge } from './place-knowledge.ts';
import type { PlaceKnowledge } from './place-knowledge.ts';

/** The repository's resources/ folder (the packaged app ships it beside the code: electron-builder.yml `files`). */
export const shippedResourcesDir = fileURLToPath(new URL('../../../resources/', import.meta.url));

/** The files read, relative to the resources folder; see the README beside each. */
export const placeKnowledgeFiles = {
  states: 'places/us-states.csv',
  airports: 'places/us-airports.csv',
  nicknames: 'places/us-city-nicknames.csv',
  channels: 'lead-sources/channel-synonyms.csv',
} as const;

const cache = new Map<string, PlaceKnowledge>();

/**
 * Read the shipped place and channel lists (once per folder per process). Kept apart from the engine
 * so that the engine never imports `node:` modules.
 *
 * @example clusterNames(rows, { kind: 'branch', placeKnowledge: loadPlaceKnowledge() })
 */
export function loadPlaceKnowledge(resourcesDir: string = shippedResourcesDir): PlaceKnowledge {
  let knowledge = cache.get(resourcesDir);
  if (knowledge === undefined) {
    const read = (file: string) => readFileSync(join(resourcesDir, file), 'utf8');
    knowledge = parsePlaceKnowledge({
      states: read(placeKnowledgeFiles.states),
      airports: read(placeKnowledgeFiles.airports),
      nicknames: read(placeKnowledgeFiles.nicknames),
      channels: read(placeKnowledgeFiles.channels),
    });
    cache.set(resourcesDir, knowledge);
  }
  return knowledge;
}
