// Days as integers (days since 1970-01-01, UTC), the sample's fixed reference dates, and lead seasonality.
// Working in day numbers keeps the hot loop free of Date objects and of the machine's time zone.

/** A calendar day as days since 1970-01-01 (UTC). */
export type Day = number;

export function dayNumber(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** Civil date from a day number (H. Hinnant's algorithm), without allocating a Date. */
export function civil(day: Day): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** First day a lead can be received. */
export const FIRST_LEAD_DAY: Day = dayNumber(2019, 1, 1);
/** The day the exports were pulled: nothing is received, quoted, lost or booked after it; later jobs are scheduled. */
export const EXPORT_DAY: Day = dayNumber(2025, 11, 14);
/** Last possible job date (jobs span 2019–2025). */
export const LAST_JOB_DAY: Day = dayNumber(2025, 12, 31);
/** Monday on or before FIRST_LEAD_DAY: week 0 of the weekly performance reports. */
export const FIRST_WEEK_DAY: Day = FIRST_LEAD_DAY - ((FIRST_LEAD_DAY + 3) % 7);
export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2025;

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return (day + 4) % 7;
}

/** Months since January 2019. */
export function monthIndex(day: Day): number {
  const c = civil(day);
  return (c.year - FIRST_YEAR) * 12 + c.month - 1;
}

export function monthStart(index: number): Day {
  return dayNumber(FIRST_YEAR + Math.floor(index / 12), (index % 12) + 1, 1);
}

export function weekIndex(day: Day): number {
  return Math.floor((day - FIRST_WEEK_DAY) / 7);
}

export type DateStyle = 'iso' | 'us';

// Formatting is cached over the whole span the sample can touch; outside it we format on the fly.
const CACHE_FIRST = FIRST_WEEK_DAY;
const CACHE_LAST = LAST_JOB_DAY + 62;
const isoCache: string[] = [];
const usCache: string[] = [];
for (let d = CACHE_FIRST; d <= CACHE_LAST; d++) {
  const c = civil(d);
  isoCache.push(`${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`);
  usCache.push(`${c.month}/${c.day}/${c.year}`);
}

/** "2023-07-14" (ISO) or "7/14/2023" (US). */
export function formatDay(day: Day, style: DateStyle): string {
  const cached = (style === 'iso' ? isoCache : usCache)[day - CACHE_FIRST];
  if (cached !== undefined) return cached;
  const c = civil(day);
  return style === 'iso'
    ? `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`
    : `${c.month}/${c.day}/${c.year}`;
}

/** A Date at UTC midnight, for typed xlsx date cells. */
export function dayToDate(day: Day): Date {
  return new Date(day * 86_400_000);
}

/** Lead volume by month (Jan…Dec): people shop for movers in spring and early summer, move in summer. */
export const LEAD_SEASONALITY = [0.55, 0.6, 0.8, 0.95, 1.2, 1.35, 1.3, 1.15, 0.95, 0.8, 0.62, 0.5] as const;
/** Lead volume by weekday (Sun…Sat). */
export const LEAD_WEEKDAY = [0.55, 1.15, 1.1, 1.05, 1.0, 0.95, 0.7] as const;
/** Company growth by year 2019…2025 (a dip in 2020). */
export const YEARLY_GROWTH = [1.0, 0.9, 1.12, 1.25, 1.33, 1.45, 1.58] as const;

/**
 * Splits `total` leads over the days FIRST_LEAD_DAY…EXPORT_DAY by seasonality, weekday and growth, exactly:
 * the counts sum to `total`.
 */
export function allocateLeadsPerDay(total: number): Int32Array {
  const days = EXPORT_DAY - FIRST_LEAD_DAY + 1;
  const weights = new Float64Array(days);
  let sum = 0;
  for (let i = 0; i < days; i++) {
    const day = FIRST_LEAD_DAY + i;
    const c = civil(day);
    const w =
      (LEAD_SEASONALITY[c.month - 1] ?? 1) * (LEAD_WEEKDAY[weekday(day)] ?? 1) * (YEARLY_GROWTH[c.year - FIRST_YEAR] ?? 1);
    weights[i] = w;
    sum += w;
  }
  const counts = new Int32Array(days);
  let cumulative = 0;
  let assigned = 0;
  for (let i = 0; i < days; i++) {
    cumulative += weights[i] ?? 0;
    const upTo = Math.round((total * cumulative) / sum);
    counts[i] = upTo - assigned;
    assigned = upTo;
  }
  return counts;
}
