// One lead and everything that follows from it (bad-lead report, quote, loss, booking, jobs), written at once
// so that the row numbers for the truth are known without holding anything back.
import { civil, dayNumber, EXPORT_DAY, LAST_JOB_DAY, weekday } from './calendar.ts';
import type { Day } from './calendar.ts';
import { newCustomer } from './customers.ts';
import type { Customer } from './customers.ts';
import { actualsFor, estimateFor, MOVE_SIZES, serviceTypeFor } from './economics.ts';
import type { OutcomeDeck } from './funnel.ts';
import { NO_JOB_LOST_SHARE } from './funnel.ts';
import { BRANCHES, branchesOpenOn, sampleRoute } from './geography.ts';
import type { Branch } from './geography.ts';
import { LEAD_SOURCES, leadSourceActive, REPEAT_CUSTOMER_SOURCE } from './lead-sources.ts';
import type { LeadSource } from './lead-sources.ts';
import {
  BAD_LEAD_NEXT_DAY_RATE,
  BAD_LEAD_QUOTE_RATE,
  DUPLICATE_BAD_LEAD_RATE,
  DUPLICATE_OPEN_LEAD_RATE,
  LOST_ESTIMATE_BLANK_RATE,
  OPEN_LEAD_ESTIMATE_BLANK_RATE,
  ORPHAN_BAD_LEAD_RATE,
  ORPHAN_LOST_LEAD_RATE,
  REPEAT_CUSTOMER_RATE,
} from './mess.ts';
import type { PerformanceLedger } from './performance.ts';
import { WeightedTable } from './rng.ts';
import { money, writeBad, writeJob, writeLead, writeLost, writeOpportunity } from './rows.ts';
import type { JobFacts, JobStatus, LeadFacts, RowContext } from './rows.ts';
import type { QuoteRows, TruthWriter } from './truth.ts';
import type { CsvSink, XlsxSink } from './writers.ts';

/** The five exports a lead's chain writes to. */
export interface ChainExports {
  readonly lead: CsvSink;
  readonly bad: CsvSink;
  readonly lost: CsvSink;
  readonly opportunity: XlsxSink;
  readonly job: CsvSink;
}

const BAD_REASONS = new WeightedTable(
  ['Spam', 'Wrong Number', 'Out of Service Area', 'Invalid Contact Info', 'Test Lead', 'Not a Move (Job Seeker)',
    'Too Small / Single Item', 'No Contact After 5 Attempts'],
  [20, 14, 18, 14, 3, 6, 10, 15],
);
const ORPHAN_BAD_REASONS = new WeightedTable(['Spam', 'Test Lead', 'Wrong Number', 'Invalid Contact Info'], [5, 2, 2, 2]);
const LOST_REASONS = new WeightedTable(
  ['Price Too High', 'Went With Competitor', 'Moving Date Changed', 'No Longer Moving', 'Decided To Move Themselves',
    'No Response', 'Availability', 'Outside Service Area'],
  [24, 20, 10, 9, 8, 20, 6, 3],
);
const BOOKED_LOST_REASONS = new WeightedTable(
  ['Booked Elsewhere', 'Went With Competitor', 'Moving Date Changed', 'No Longer Moving', 'Deposit Not Paid'],
  [30, 25, 15, 15, 15],
);
const RECENT_CUSTOMERS = 256;
const REPEAT_POOL = 20_000;
/** Quote numbers start here, so the "Q-001234" style has something to pad. */
export const FIRST_QUOTE_NUMBER = 1001;
export const FIRST_JOB_NUMBER = 50_001;

export class LeadFactory {
  private nextQuote = FIRST_QUOTE_NUMBER;
  private nextJob = FIRST_JOB_NUMBER;
  private nextCustomer = 1;
  private readonly recent: Customer[] = [];
  private recentAt = 0;
  private readonly pool: Customer[] = [];
  private tablesDay = Number.NEGATIVE_INFINITY;
  private tablesKey = '';
  private branchTable = new WeightedTable<Branch>(BRANCHES, BRANCHES.map(() => 1));
  private sourceTable = new WeightedTable<LeadSource>(LEAD_SOURCES, LEAD_SOURCES.map(() => 1));

  constructor(
    private readonly ctx: RowContext,
    private readonly out: ChainExports,
    private readonly truth: TruthWriter,
    private readonly ledger: PerformanceLedger,
    private readonly deck: OutcomeDeck,
  ) {}

  /** Generates one lead received on `day` and its whole chain. */
  lead(day: Day): void {
    const { rng } = this.ctx;
    this.refreshTables(day);
    const outcome = this.deck.draw(rng);
    const booked = outcome === 'oneJob' || outcome === 'twoJobs' || outcome === 'noJob';
    let customer: Customer | undefined;
    let repeat = false;
    if (rng.next() < (outcome === 'bad' ? DUPLICATE_BAD_LEAD_RATE : outcome === 'open' ? DUPLICATE_OPEN_LEAD_RATE : 0)) {
      customer = this.recent.length > 0 ? rng.pick(this.recent) : undefined;
    } else if (booked && rng.next() < REPEAT_CUSTOMER_RATE) {
      customer = this.returningCustomer(day);
      repeat = customer !== undefined;
    }
    const duplicate = customer !== undefined && !repeat;
    const branch = customer ? (BRANCHES[customer.branchId - 1] as Branch) : this.branchTable.draw(rng);
    if (!customer) customer = newCustomer(rng, this.nextCustomer++, branch);
    if (!duplicate) this.recent[this.recentAt++ % RECENT_CUSTOMERS] = customer;
    const size = MOVE_SIZES.draw(rng);
    const route = sampleRoute(rng, branch);
    const f: LeadFacts = {
      quote: this.nextQuote++,
      customer,
      branch,
      person: this.ctx.roster.pickActive(rng, branch.id),
      source: repeat && rng.chance(0.7) ? REPEAT_CUSTOMER_SOURCE : this.sourceTable.draw(rng),
      size,
      route,
      received: day,
      moveDay: this.moveDayFor(day),
      estimate: estimateFor(size, route, civil(day).year, rng),
    };
    const quoteDay = Math.min(day + rng.int(0, 3), EXPORT_DAY);
    if (f.person) {
      this.ledger.lead(f.person, day);
      if (outcome !== 'bad' && outcome !== 'open') this.ledger.quote(f.person, quoteDay);
    }
    const rows: QuoteRows = {};
    const estimate = money(f.estimate);
    switch (outcome) {
      case 'bad': {
        rows.lead = this.writeLeadRow(f, 'Bad Lead', '');
        const reportDay = Math.min(day + (rng.next() < BAD_LEAD_NEXT_DAY_RATE ? 1 : 0), EXPORT_DAY);
        const reason = duplicate ? 'Duplicate Lead' : BAD_REASONS.draw(rng);
        const shown = rng.next() < BAD_LEAD_QUOTE_RATE ? f.quote : undefined;
        rows.bad = writeBad(this.out.bad, this.ctx, customer, branch, f.source, reportDay, reason, shown);
        this.truth.badLead(rows.bad, rows.lead, f.quote);
        this.truth.customer('bad_lead', rows.bad, customer.id);
        if (rng.next() < ORPHAN_BAD_LEAD_RATE / (1 - ORPHAN_BAD_LEAD_RATE)) this.orphanBadLead(day);
        break;
      }
      case 'open':
        rows.lead = this.writeLeadRow(f, rng.chance(0.4) ? 'New' : 'Contacted', rng.next() < OPEN_LEAD_ESTIMATE_BLANK_RATE ? '' : estimate);
        break;
      case 'quoted':
        rows.lead = this.writeLeadRow(f, 'Quoted', estimate);
        break;
      case 'lost': {
        rows.lead = this.writeLeadRow(f, 'Lost', estimate);
        const lostDay = Math.min(quoteDay + rng.int(2, 30), EXPORT_DAY);
        rows.lost = this.writeLostRow(f.quote, lostDay, LOST_REASONS.draw(rng), f.source, f, estimate);
        break;
      }
      default: {
        rows.lead = this.writeLeadRow(f, 'Booked', estimate);
        this.book(f, outcome, quoteDay, rows);
      }
    }
    this.truth.quote(f.quote, rows);
  }

  private book(f: LeadFacts, outcome: 'oneJob' | 'twoJobs' | 'noJob', quoteDay: Day, rows: QuoteRows): void {
    const { rng } = this.ctx;
    const bookedDay = Math.max(f.received, Math.min(quoteDay + rng.int(0, 14), f.moveDay - 1, EXPORT_DAY));
    if (f.person) this.ledger.booked(f.person, bookedDay, f.estimate);
    const serviceType = serviceTypeFor(f.size, f.route, rng);
    if (outcome === 'noJob') {
      const lost = rng.next() < NO_JOB_LOST_SHARE;
      rows.opportunity = this.writeOpportunityRow(f, bookedDay, serviceType, lost ? 'Lost' : 'Cancelled');
      if (lost) {
        const lostDay = Math.min(bookedDay + rng.int(3, 40), EXPORT_DAY);
        rows.lost = this.writeLostRow(f.quote, lostDay, BOOKED_LOST_REASONS.draw(rng), f.source, f, money(f.estimate));
      }
      return;
    }
    let status: JobStatus;
    if (f.moveDay > EXPORT_DAY) {
      status = rng.chance(0.7) ? 'Booked' : 'Pending';
    } else {
      const roll = rng.next();
      status = roll < 0.93 ? 'Closed' : roll < 0.98 ? 'Cancelled' : 'Postponed';
    }
    const opportunityStatus =
      status === 'Closed' ? 'Completed' : status === 'Cancelled' ? 'Cancelled' : status === 'Postponed' ? 'Confirmed'
        : rng.chance(0.5) ? 'Booked' : 'Confirmed';
    rows.opportunity = this.writeOpportunityRow(f, bookedDay, serviceType, opportunityStatus);
    const year = civil(f.moveDay).year;
    const jobs: JobFacts[] = [];
    if (outcome === 'twoJobs') {
      const actuals = status === 'Closed' ? actualsFor(f.size, f.route, f.estimate, year, true, rng) : undefined;
      jobs.push({ jobNumber: this.nextJob++, day: f.moveDay - 1, status, serviceType: 'Packing', packing: true, actuals });
    }
    const actuals = status === 'Closed' ? actualsFor(f.size, f.route, f.estimate, year, false, rng) : undefined;
    jobs.push({ jobNumber: this.nextJob++, day: f.moveDay, status, serviceType, packing: false, actuals });
    rows.jobs = jobs.map((job) => {
      const row = writeJob(this.out.job, this.ctx, f, job);
      this.truth.customer('job', row, f.customer.id);
      return row;
    });
    if (status === 'Closed') this.rememberJob(f.customer, f.moveDay);
  }

  private writeLeadRow(f: LeadFacts, status: string, estimate: string): number {
    const row = writeLead(this.out.lead, this.ctx, f, status, estimate);
    this.truth.customer('lead_status', row, f.customer.id);
    return row;
  }

  private writeOpportunityRow(f: LeadFacts, bookedDay: Day, serviceType: string, status: string): number {
    const row = writeOpportunity(this.out.opportunity, this.ctx, f, bookedDay, serviceType, status);
    this.truth.customer('booked_opportunity', row, f.customer.id);
    return row;
  }

  private writeLostRow(
    quote: number, day: Day, reason: string, source: LeadSource, f: Pick<LeadFacts, 'person' | 'branch'>, estimate: string,
  ): number {
    const { rng } = this.ctx;
    const shownEstimate = rng.next() < LOST_ESTIMATE_BLANK_RATE ? '' : estimate;
    const row = writeLost(this.out.lost, this.ctx, quote, day, reason, source, f.person, f.branch, shownEstimate);
    if (rng.next() < ORPHAN_LOST_LEAD_RATE / (1 - ORPHAN_LOST_LEAD_RATE)) this.orphanLostLead(day);
    return row;
  }

  /** A bad-lead row for a lead that is not in lead_status: a fresh customer, maybe a deleted quote number. */
  private orphanBadLead(day: Day): void {
    const { rng } = this.ctx;
    const branch = this.branchTable.draw(rng);
    const customer = newCustomer(rng, this.nextCustomer++, branch);
    const quote = rng.next() < BAD_LEAD_QUOTE_RATE ? this.nextQuote++ : undefined;
    const row = writeBad(this.out.bad, this.ctx, customer, branch, this.sourceTable.draw(rng), day, ORPHAN_BAD_REASONS.draw(rng), quote);
    this.truth.badLead(row, undefined, undefined);
    this.truth.customer('bad_lead', row, customer.id);
    if (quote !== undefined) this.truth.quote(quote, { bad: row });
  }

  /** A lost-lead row whose quote number was taken by a lead that was later deleted from the CRM. */
  private orphanLostLead(day: Day): void {
    const { rng } = this.ctx;
    const quote = this.nextQuote++;
    const branch = this.branchTable.draw(rng);
    const person = this.ctx.roster.pickActive(rng, branch.id);
    const size = MOVE_SIZES.draw(rng);
    const estimate = money(estimateFor(size, sampleRoute(rng, branch), civil(day).year, rng));
    const row = writeLost(this.out.lost, this.ctx, quote, day, LOST_REASONS.draw(rng), this.sourceTable.draw(rng), person, branch, estimate);
    this.truth.quote(quote, { lost: row });
  }

  /** Moves happen one to ten weeks after the inquiry, bunch up at month ends, and rarely on Sundays. */
  private moveDayFor(day: Day): Day {
    const { rng } = this.ctx;
    let lead = 7 + Math.round(-20 * Math.log(1 - rng.next()));
    if (lead > 75) lead = rng.int(7, 75);
    let move = day + lead;
    if (rng.chance(0.25)) {
      const c = civil(move);
      const monthEnd = dayNumber(c.year, c.month + 1, 1) - 1 - rng.int(0, 2);
      if (monthEnd > day) move = monthEnd;
    }
    if (weekday(move) === 0 && rng.chance(0.7)) move += rng.chance(0.5) ? -1 : 1;
    return Math.min(Math.max(move, day + 1), LAST_JOB_DAY);
  }

  private returningCustomer(day: Day): Customer | undefined {
    const { rng } = this.ctx;
    for (let attempt = 0; attempt < 4 && this.pool.length > 0; attempt++) {
      const candidate = rng.pick(this.pool);
      if (candidate.lastJobDay !== undefined && candidate.lastJobDay + 180 < day) return candidate;
    }
    return undefined;
  }

  private rememberJob(customer: Customer, day: Day): void {
    customer.lastJobDay = day;
    if (this.pool.length < REPEAT_POOL) this.pool.push(customer);
    else this.pool[this.ctx.rng.int(0, REPEAT_POOL - 1)] = customer;
  }

  /** Branches open and sources in use change on a few dates; rebuild their tables when either set changes. */
  private refreshTables(day: Day): void {
    if (day === this.tablesDay) return;
    this.tablesDay = day;
    const open = branchesOpenOn(day);
    const active = LEAD_SOURCES.filter((s) => leadSourceActive(s, day));
    const key = `${open.map((b) => b.id).join(',')}|${active.map((s) => s.id).join(',')}`;
    if (key === this.tablesKey) return;
    this.tablesKey = key;
    this.branchTable = new WeightedTable(open, open.map((b) => b.weight));
    this.sourceTable = new WeightedTable(active, active.map((s) => s.weight));
  }
}
