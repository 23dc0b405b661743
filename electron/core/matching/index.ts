/**
 * Name matching for sales-person, branch and lead-source names: the pure engine and its algorithms.
 * Nothing here imports `node:` modules; read the nickname list with nickname-loader.ts and the place
 * and channel lists with place-knowledge-loader.ts (Node only).
 */
export { clusterNames } from './cluster.ts';
export type { Cluster, ClusterLink, ClusterMember, ClusterOptions, NameInput, NameKind } from './types.ts';
export { normalizePersonName } from './normalize-person.ts';
export type { PersonName, PersonNotes, PersonShape } from './normalize-person.ts';
export { normalizePlaceName } from './normalize-place.ts';
export type { PlaceKind, PlaceName, PlaceNotes } from './normalize-place.ts';
export { foldPlaces } from './place-fold.ts';
export type { FoldedGroup, FoldSuggestion, PlaceFolding, PlaceFoldOptions } from './place-fold.ts';
export { parsePlaceKnowledge, placeLetters } from './place-knowledge.ts';
export type { KnownPlace, PlaceKnowledge, PlaceKnowledgeSources } from './place-knowledge.ts';
export type { PlaceDataEvidence } from './place-evidence.ts';
export { parseNicknameCsv, nicknameMapFrom, nicknameRelation } from './nicknames.ts';
export type { NicknameMap, NicknameRelation } from './nicknames.ts';
export { jaro, jaroWinkler } from './jaro-winkler.ts';
export type { JaroWinklerOptions } from './jaro-winkler.ts';
export { damerauLevenshtein } from './damerau-levenshtein.ts';
export { soundex } from './soundex.ts';
export { compareSpelling } from './spelling.ts';
export type { SpellingKind, SpellingRelation } from './spelling.ts';
