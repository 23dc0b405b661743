/**
 * Every weight and threshold of the matcher, in one place so that docs/matching.md can cite them.
 * A pair score is a product of per-part factors (1 = identical part), adjusted by row counts.
 */

/** A pair at or above this score becomes a link (both forms end up in one review cluster). */
export const LINK_THRESHOLD = 0.75;
/**
 * Two clusters only join if every cross pair scores at least this and none conflicts
 * (complete-linkage guard against chains such as John → Jon → Joan).
 */
export const COMPATIBLE_THRESHOLD = 0.5;

/** Spelling differences inside one name part (Damerau–Levenshtein distance 1 unless noted). */
export const SPELLING_FACTOR = {
  transposition: 0.9,
  missingLetter: 0.85,
  substitution: 0.8,
  /** Vowel for vowel (Smith/Smyth, Hansen/Hanson) is often a different name, not a typo. */
  vowelSubstitution: 0.7,
  /** Distance 2, only for parts of 6+ letters with Jaro–Winkler ≥ twoEditsMinJaroWinkler. */
  twoEdits: 0.65,
  twoEditsMinLength: 6,
  twoEditsMinJaroWinkler: 0.85,
  /** Multiplier when the shorter part has 3 letters or fewer: Al/Ali, Ed/Ted are different names. */
  shortWord: 0.7,
  shortWordMaxLength: 3,
} as const;

/** Person-name relations. */
export const PERSON_FACTOR = {
  nickname: 0.9,
  /** Two nicknames of one formal name (Bob, Rob ← Robert); never enough alone to link. */
  sharedNickname: 0.7,
  /**
   * An unknown first name one letter from a known one that is a nickname relation of the other
   * (Deboarh / Debbie via Deborah). At most this, below LINK_THRESHOLD: it only lets a typo and a
   * nickname of one person share a cluster (COMPATIBLE_THRESHOLD), never links them by itself.
   */
  typoOfNickname: 0.7,
  /** One first name is the start of the other (Christoph / Christopher): truncated exports. */
  prefix: 0.7,
  prefixMinLength: 3,
  /** Both first names are known, distinct given names (John / Joan): a typo is unlikely. */
  knownDistinctNames: 0.45,
  /** Applied when first AND last name both differ: two weak signals do not make a strong one. */
  bothPartsDiffer: 0.8,
  middleOnOneSide: 0.92,
  /**
   * Middle name on one side while both spellings are common (count-evidence.ts): namesakes told apart
   * by a middle initial (John Smith / John R. Smith). Below COMPATIBLE_THRESHOLD on purpose.
   */
  middleOnOneSideBothCommon: 0.45,
  suffixOnOneSide: 0.9,
  reversedOrder: 0.9,
  sameLettersDifferentSpacing: 0.95,
  /** "J. Smith" joins the only cluster holding a J… Smith. */
  uniqueInitial: 0.75,
  /** "Grace" joins the only cluster with Grace as first or last name. */
  uniqueSingleName: 0.6,
} as const;

/** Branch and lead-source relations. */
export const PLACE_FACTOR = {
  sameLettersDifferentSpacing: 0.95,
  sameWordsReordered: 0.85,
  /** Same name but for a generic word or a state code ("Denver Branch", "Denver, CO" / "Denver"). */
  qualifierOnOneSide: 0.9,
  /** Squashed strings shorter than this never match on a typo ("Yelp" / "Help"). */
  typoMinLength: 5,
  /**
   * Two forms the shipped lists tie (a code, a nickname, a synonym, an acronym) but the folding stage
   * kept apart because the name is ambiguous or the data disagrees: a review candidate.
   */
  sharedReference: 0.85,
} as const;

/**
 * Data evidence for branch spellings (place-evidence.ts, place-fold.ts): the sales people seen with a
 * spelling and the states and cities its moves start in.
 */
export const PLACE_DATA = {
  /** A dominant state needs at least this many rows with a state… */
  stateMinRows: 10,
  /** …and at least this share of them. */
  stateMinShare: 0.6,
  /** Two spellings that each have this many sales people and share none are two offices. */
  disjointMinPeople: 5,
  /** Origin-city similarity is only computed with at least this many rows on each side. */
  originMinRows: 20,
  /** Folding on data alone: at least this many shared sales people… */
  foldMinSharedPeople: 3,
  /** …making at least this share of the folded spelling's people… */
  foldMinSharedShare: 0.5,
  /** …and, when both sides have enough rows, origin cities at least this similar (cosine). */
  foldMinOriginSimilarity: 0.8,
  /** Below the fold, this many shared people still make a review candidate. */
  suggestMinSharedPeople: 2,
} as const;

/**
 * Row counts as evidence for spelling-based links only: a spelling seen once next to one seen 50
 * times is a typical typo; two spellings that are both common are likely two real names.
 */
export const COUNT_EVIDENCE = {
  rareVariantBonus: 0.15,
  /** Rare means: the larger count is at least `rareMinMajority` and at least `rareRatio` × the smaller. */
  rareMinMajority: 5,
  rareRatio: 10,
  bothCommonPenalty: 0.15,
  /** Both common means: each count is at least `commonMinCount` and within `commonRatio` of the other. */
  commonMinCount: 5,
  commonRatio: 3,
} as const;

/** A count bonus never lifts a fuzzy pair above this: only identical keys score 1. */
export const MAX_FUZZY_SCORE = 0.95;

/** Blocks larger than this are skipped so that one degenerate key cannot make the work quadratic. */
export const MAX_BLOCK_SIZE = 500;
