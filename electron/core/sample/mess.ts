// Every kind of mess the sample injects, at a named rate. docs/sample-data.md lists the same figures and the
// tests measure the written files against them, so a change here shows up in both.

/** The seven raw exports, named as import_batch.source_kind names them. */
export type SourceKind =
  | 'lead_status'
  | 'bad_lead'
  | 'lost_lead'
  | 'booked_opportunity'
  | 'job'
  | 'user_performance'
  | 'sales_performance';

/** Exports whose rows carry a quote number. */
export type QuotedKind = 'lead_status' | 'bad_lead' | 'lost_lead' | 'booked_opportunity' | 'job';
/** Exports whose rows carry customer contact fields. */
export type ContactKind = 'lead_status' | 'bad_lead' | 'booked_opportunity' | 'job';
/** Exports with a sales-person column filled from the quote's owner. */
export type SalesKind = 'lead_status' | 'lost_lead' | 'booked_opportunity' | 'job';

// ---- People, branches and lead sources -------------------------------------------------------------

/** Share of sales-person cells in lead/lost/opportunity/job rows not written in the person's canonical spelling. */
export const SALES_PERSON_VARIANT_RATE = 0.22;

/**
 * How those variant cells split by kind. A person lacking a kind (no nickname, or the spelling already
 * belongs to someone else) has the remaining kinds scaled up, so the overall variant rate holds.
 */
export const SALES_PERSON_VARIANT_KINDS = {
  lower: 0.1, // "john smith"
  upper: 0.1, // "JOHN SMITH"
  spacing: 0.14, // "John  Smith", " John Smith", "John Smith "
  lastFirst: 0.18, // "Smith, John"
  nickname: 0.14, // "Mike Jones" for Michael Jones, "Robert Miller" for Bob Miller
  initial: 0.1, // "J. Smith"
  typo: 0.1, // one transposition or substitution: "Jonh Smith", "John Smiht"
  branchParen: 0.07, // "Mike Jones (Denver)"
  branchDash: 0.07, // "Mike Jones - Denver"
} as const;
export type SalesVariantKind = keyof typeof SALES_PERSON_VARIANT_KINDS;

/** Spellings that occur only in the performance reports: "SMITH, JOHN", "Smith John", "John S.". */
export const PERFORMANCE_ONLY_KINDS = ['upperLastFirst', 'lastFirstNoComma', 'firstLastInitial'] as const;
export type PerformanceOnlyKind = (typeof PERFORMANCE_ONLY_KINDS)[number];

/** Share of performance rows whose name is a performance-only spelling (matches no sales-person cell exactly). */
export const PERFORMANCE_ONLY_NAME_RATE = 0.35;

/** Share of branch cells not written as the canonical branch name. */
export const BRANCH_VARIANT_RATE = 0.15;
/** Share of lead-source cells not written as the canonical source name. */
export const LEAD_SOURCE_VARIANT_RATE = 0.2;

// ---- Quote numbers and dates -----------------------------------------------------------------------

/** Quote-number formats: plain "1234", prefixed "Q-001234", spaced " 1234 ". Shares per file. */
export const QUOTE_FORMAT_SHARE: Record<QuotedKind, { plain: number; prefixed: number; spaced: number }> = {
  lead_status: { plain: 0.7, prefixed: 0.2, spaced: 0.1 },
  bad_lead: { plain: 0.5, prefixed: 0.4, spaced: 0.1 },
  lost_lead: { plain: 0.3, prefixed: 0.6, spaced: 0.1 },
  // In the xlsx a plain quote number is a numeric cell; the other two are text cells.
  booked_opportunity: { plain: 0.6, prefixed: 0.3, spaced: 0.1 },
  job: { plain: 0.75, prefixed: 0.15, spaced: 0.1 },
};

/** Share of rows (all dates of a row share one style) written with US dates "7/14/2023" instead of ISO. */
export const US_DATE_RATE: Record<SourceKind, number> = {
  lead_status: 0.35,
  bad_lead: 0.5,
  lost_lead: 0.3,
  booked_opportunity: 0.5, // of the text date cells only; see XLSX_TEXT_DATE_RATE
  job: 0.25,
  user_performance: 0.6,
  sales_performance: 0.5, // of the text date cells only
};

/** In the xlsx exports, share of rows whose dates are text cells rather than typed Excel dates. */
export const XLSX_TEXT_DATE_RATE = 0.12;

// ---- Customers -------------------------------------------------------------------------------------

export const EMAIL_BLANK_RATE = 0.07;
export const PHONE_BLANK_RATE = 0.04;
/** Share of non-blank emails written untidily: "John.Smith@Gmail.com", " john.smith@gmail.com ", upper case. */
export const EMAIL_MESSY_RATE = 0.15;
/** Share of customer names written other than "First Last": "Smith, John", "JOHN SMITH", "john smith". */
export const CUSTOMER_NAME_VARIANT_RATE = 0.1;

export type PhoneFormat = 'paren' | 'dash' | 'intl' | 'digits' | 'dots';
/** "(303) 555-0142", "303-555-0142", "+1 303 555 0142", "3035550142", "303.555.0142": shares per file. */
export const PHONE_FORMAT_SHARE: Record<ContactKind, Record<PhoneFormat, number>> = {
  lead_status: { paren: 0.55, dash: 0.2, intl: 0.1, digits: 0.1, dots: 0.05 },
  bad_lead: { paren: 0.3, dash: 0.2, intl: 0.1, digits: 0.4, dots: 0 },
  booked_opportunity: { paren: 0.3, dash: 0.5, intl: 0.1, digits: 0, dots: 0.1 },
  job: { paren: 0.4, dash: 0.4, intl: 0.1, digits: 0.1, dots: 0 },
};

/** Share of booked leads that come from a customer who had a job before (a repeat customer). */
export const REPEAT_CUSTOMER_RATE = 0.08;
/** Share of bad leads that are a second inquiry by a customer who inquired days before (reason "Duplicate Lead"). */
export const DUPLICATE_BAD_LEAD_RATE = 0.25;
/** Share of unquoted (new/contacted) leads that are a second inquiry by a recent customer. */
export const DUPLICATE_OPEN_LEAD_RATE = 0.08;

// ---- Blanks in optional fields ---------------------------------------------------------------------

export const SALES_PERSON_BLANK_RATE: Record<SalesKind, number> = {
  lead_status: 0.04, // not yet assigned
  lost_lead: 0.02,
  booked_opportunity: 0,
  job: 0.01,
};
export const LEAD_SOURCE_BLANK_RATE: Record<QuotedKind, number> = {
  lead_status: 0.01,
  bad_lead: 0.03,
  lost_lead: 0.03,
  booked_opportunity: 0.01,
  job: 0.06,
};
/** lead_status: share of rows without a move date, and without a destination. */
export const MOVE_DATE_BLANK_RATE = 0.08;
export const DESTINATION_BLANK_RATE = 0.05;
/** lead_status: share of unquoted (new/contacted) leads without an estimate. */
export const OPEN_LEAD_ESTIMATE_BLANK_RATE = 0.6;
/** lost_lead: share of rows without an estimate. */
export const LOST_ESTIMATE_BLANK_RATE = 0.05;

// ---- Bad and lost leads ----------------------------------------------------------------------------

/** Share of bad-lead rows that match no lead at all (their lead was deleted, or never entered). */
export const ORPHAN_BAD_LEAD_RATE = 0.05;
/** Share of lost-lead rows whose quote number matches no lead. */
export const ORPHAN_LOST_LEAD_RATE = 0.03;
/** Share of bad-lead rows that carry a quote number; the rest must be matched on contact and date. */
export const BAD_LEAD_QUOTE_RATE = 0.6;
/** Share of bad-lead rows dated the day after their lead (a nightly sync). */
export const BAD_LEAD_NEXT_DAY_RATE = 0.2;

/** Share of cancelled jobs whose status is spelled "Canceled" rather than "Cancelled". */
export const CANCELED_SPELLING_RATE = 0.3;

/** Share of monthly sales-performance rows whose lead or quote count is off by one or two from the exports. */
export const PERFORMANCE_COUNT_DRIFT_RATE = 0.05;
