// Weekly phone figures and monthly sales figures per person, derived from the leads the person really handled.
import { join } from 'node:path';
import type { AliasSpeller } from './aliases.ts';
import {
  dayToDate,
  EXPORT_DAY,
  FIRST_WEEK_DAY,
  formatDay,
  LAST_JOB_DAY,
  monthIndex,
  monthStart,
  weekIndex,
} from './calendar.ts';
import type { Day } from './calendar.ts';
import { round2 } from './economics.ts';
import { SOURCE_BIT, SOURCE_FILES } from './headers.ts';
import { PERFORMANCE_COUNT_DRIFT_RATE, US_DATE_RATE, XLSX_TEXT_DATE_RATE } from './mess.ts';
import type { Rng } from './rng.ts';
import type { Roster, SalesPerson } from './sales-people.ts';
import { CsvSink, XlsxSink } from './writers.ts';
import type { RowSink, XlsxCell } from './writers.ts';

const MONTHS = monthIndex(LAST_JOB_DAY) + 1;
const WEEKS = weekIndex(LAST_JOB_DAY) + 1;
const M_LEADS = 0;
const M_QUOTES = 1;
const M_BOOKED = 2;
const M_REVENUE = 3;

/**
 * Counts per person and period as the leads are generated, so the reports agree with the exports.
 *
 * @example ledger.lead(person, day); ledger.booked(person, bookedDay, 1840.5);
 */
export class PerformanceLedger {
  private readonly monthly = new Map<number, Float64Array>();
  private readonly weekly = new Map<number, Int32Array>();

  lead(person: SalesPerson, day: Day): void {
    this.month(person)[monthIndex(day) * 4 + M_LEADS]! += 1;
    this.week(person)[weekIndex(day) * 2]! += 1;
  }

  quote(person: SalesPerson, day: Day): void {
    this.month(person)[monthIndex(day) * 4 + M_QUOTES]! += 1;
    this.week(person)[weekIndex(day) * 2 + 1]! += 1;
  }

  booked(person: SalesPerson, day: Day, amount: number): void {
    const m = this.month(person);
    m[monthIndex(day) * 4 + M_BOOKED]! += 1;
    m[monthIndex(day) * 4 + M_REVENUE]! += amount;
  }

  monthFigures(personId: number, month: number): { leads: number; quotes: number; booked: number; revenue: number } {
    const m = this.monthly.get(personId);
    const at = (i: number) => (m ? (m[month * 4 + i] ?? 0) : 0);
    return { leads: at(M_LEADS), quotes: at(M_QUOTES), booked: at(M_BOOKED), revenue: at(M_REVENUE) };
  }

  weekFigures(personId: number, week: number): { leads: number; quotes: number } {
    const w = this.weekly.get(personId);
    return { leads: w?.[week * 2] ?? 0, quotes: w?.[week * 2 + 1] ?? 0 };
  }

  private month(person: SalesPerson): Float64Array {
    let m = this.monthly.get(person.id);
    if (!m) this.monthly.set(person.id, (m = new Float64Array(MONTHS * 4)));
    return m;
  }

  private week(person: SalesPerson): Int32Array {
    let w = this.weekly.get(person.id);
    if (!w) this.weekly.set(person.id, (w = new Int32Array(WEEKS * 2)));
    return w;
  }
}

function seated(person: SalesPerson, from: Day, to: Day): boolean {
  return person.start <= to && person.end >= from && person.home.opened <= to;
}

function drift(value: number, rng: Rng): number {
  return rng.next() < PERFORMANCE_COUNT_DRIFT_RATE ? Math.max(0, value + rng.pick([-2, -1, 1, 2])) : value;
}

async function drained(sink: RowSink): Promise<void> {
  if (sink.needsDrain) await sink.drain();
}

/** Writes user_performance.csv (per person per complete week) and sales_performance.xlsx (per complete month). */
export async function writePerformance(
  outDir: string,
  roster: Roster,
  ledger: PerformanceLedger,
  branches: AliasSpeller,
  rng: Rng,
): Promise<{ userRows: number; salesRows: number }> {
  const userSpec = SOURCE_FILES.user_performance;
  const users = new CsvSink(join(outDir, userSpec.file), userSpec.headers);
  const userBit = SOURCE_BIT.user_performance;
  for (let week = 0; FIRST_WEEK_DAY + week * 7 + 6 <= EXPORT_DAY; week++) {
    const from = FIRST_WEEK_DAY + week * 7;
    const to = from + 6;
    for (const person of roster.people) {
      if (!seated(person, from, to)) continue;
      const { leads, quotes } = ledger.weekFigures(person.id, week);
      const callsIn = Math.max(0, Math.round(leads * 1.4 + 5 + 3 * rng.normal()));
      const callsOut = Math.max(0, Math.round(quotes * 2.2 + leads * 0.8 + 10 + 4 * rng.normal()));
      const missed = Math.round(callsIn * rng.uniform(0.03, 0.15));
      const talk = Math.round((callsIn + callsOut) * rng.uniform(3.5, 6.5));
      const style = rng.next() < US_DATE_RATE.user_performance ? 'us' : 'iso';
      users.write([
        roster.spellForPerformance(person, rng, userBit),
        branches.spell(person.home.id, rng, userBit),
        formatDay(from, style),
        formatDay(to, style),
        String(callsIn),
        String(callsOut),
        String(missed),
        String(talk),
      ]);
    }
    await drained(users);
  }
  await users.close();

  const salesSpec = SOURCE_FILES.sales_performance;
  const sales = new XlsxSink(join(outDir, salesSpec.file), salesSpec.sheet ?? 'Sheet1', salesSpec.headers);
  const salesBit = SOURCE_BIT.sales_performance;
  for (let month = 0; monthStart(month + 1) - 1 <= EXPORT_DAY; month++) {
    const from = monthStart(month);
    const to = monthStart(month + 1) - 1;
    for (const person of roster.people) {
      if (!seated(person, from, to)) continue;
      const f = ledger.monthFigures(person.id, month);
      const asText = rng.next() < XLSX_TEXT_DATE_RATE;
      const style = rng.next() < US_DATE_RATE.sales_performance ? 'us' : 'iso';
      const date = (day: Day): XlsxCell => (asText ? formatDay(day, style) : dayToDate(day));
      sales.write([
        roster.spellForPerformance(person, rng, salesBit),
        branches.spell(person.home.id, rng, salesBit),
        date(from),
        date(to),
        drift(f.leads, rng),
        drift(f.quotes, rng),
        f.booked,
        round2(f.revenue),
      ]);
    }
    await drained(sales);
  }
  await sales.close();
  return { userRows: users.rows, salesRows: sales.rows };
}
