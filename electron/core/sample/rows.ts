// One row of each export, formatted with that export's mess: quote formats, date styles, spellings, blanks.
import type { AliasSpeller } from './aliases.ts';
import { dayToDate, formatDay } from './calendar.ts';
import type { DateStyle, Day } from './calendar.ts';
import { formatCustomerName, formatEmail, formatPhone } from './customers.ts';
import type { Customer } from './customers.ts';
import type { JobActuals, MoveSize } from './economics.ts';
import type { Branch, Route } from './geography.ts';
import { SOURCE_BIT } from './headers.ts';
import type { LeadSource } from './lead-sources.ts';
import {
  CANCELED_SPELLING_RATE,
  DESTINATION_BLANK_RATE,
  LEAD_SOURCE_BLANK_RATE,
  MOVE_DATE_BLANK_RATE,
  QUOTE_FORMAT_SHARE,
  SALES_PERSON_BLANK_RATE,
  US_DATE_RATE,
  XLSX_TEXT_DATE_RATE,
} from './mess.ts';
import type { QuotedKind, SalesKind, SourceKind } from './mess.ts';
import { WeightedTable } from './rng.ts';
import type { Rng } from './rng.ts';
import type { Roster, SalesPerson } from './sales-people.ts';
import type { CsvSink, XlsxCell, XlsxSink } from './writers.ts';

export type QuoteFormat = 'plain' | 'prefixed' | 'spaced';

/** "1234", "Q-001234" or " 1234 "; all normalise to "1234". */
export function quoteText(quote: number, format: QuoteFormat): string {
  switch (format) {
    case 'plain':
      return String(quote);
    case 'prefixed':
      return `Q-${String(quote).padStart(6, '0')}`;
    case 'spaced':
      return ` ${quote} `;
  }
}

const QUOTE_FORMATS = Object.fromEntries(
  (Object.keys(QUOTE_FORMAT_SHARE) as QuotedKind[]).map((kind) => {
    const s = QUOTE_FORMAT_SHARE[kind];
    return [kind, new WeightedTable<QuoteFormat>(['plain', 'prefixed', 'spaced'], [s.plain, s.prefixed, s.spaced])];
  }),
) as Record<QuotedKind, WeightedTable<QuoteFormat>>;

export function money(value: number): string {
  return value.toFixed(2);
}

/** Everything a row needs besides its own facts. */
export interface RowContext {
  readonly rng: Rng;
  readonly roster: Roster;
  readonly branches: AliasSpeller;
  readonly sources: AliasSpeller;
}

/** The facts one lead carries into every row of its chain. */
export interface LeadFacts {
  readonly quote: number;
  readonly customer: Customer;
  readonly branch: Branch;
  readonly person: SalesPerson | undefined;
  readonly source: LeadSource;
  readonly size: MoveSize;
  readonly route: Route;
  readonly received: Day;
  readonly moveDay: Day;
  readonly estimate: number;
}

function style(kind: SourceKind, rng: Rng): DateStyle {
  return rng.next() < US_DATE_RATE[kind] ? 'us' : 'iso';
}

function salesPerson(ctx: RowContext, kind: SalesKind, person: SalesPerson | undefined): string {
  if (!person || ctx.rng.next() < SALES_PERSON_BLANK_RATE[kind]) return '';
  return ctx.roster.spell(person, ctx.rng, SOURCE_BIT[kind]);
}

function leadSource(ctx: RowContext, kind: QuotedKind, source: LeadSource): string {
  if (ctx.rng.next() < LEAD_SOURCE_BLANK_RATE[kind]) return '';
  return ctx.sources.spell(source.id, ctx.rng, SOURCE_BIT[kind]);
}

export function writeLead(out: CsvSink, ctx: RowContext, f: LeadFacts, status: string, estimate: string): number {
  const { rng } = ctx;
  const s = style('lead_status', rng);
  const noDestination = rng.next() < DESTINATION_BLANK_RATE;
  out.write([
    quoteText(f.quote, QUOTE_FORMATS.lead_status.draw(rng)),
    formatCustomerName(f.customer, rng),
    formatEmail(f.customer, rng),
    formatPhone(f.customer, rng, 'lead_status'),
    leadSource(ctx, 'lead_status', f.source),
    ctx.branches.spell(f.branch.id, rng, SOURCE_BIT.lead_status),
    salesPerson(ctx, 'lead_status', f.person),
    status,
    formatDay(f.received, s),
    rng.next() < MOVE_DATE_BLANK_RATE ? '' : formatDay(f.moveDay, s),
    f.route.origin.name,
    f.route.origin.state,
    noDestination ? '' : f.route.destination.name,
    noDestination ? '' : f.route.destination.state,
    f.size.label,
    estimate,
  ]);
  return out.rows;
}

/** A bad-lead row; `shownQuote` is undefined when the row carries no quote number. */
export function writeBad(
  out: CsvSink, ctx: RowContext, customer: Customer, branch: Branch, source: LeadSource, day: Day, reason: string,
  shownQuote: number | undefined,
): number {
  const { rng } = ctx;
  out.write([
    formatDay(day, style('bad_lead', rng)),
    reason,
    shownQuote === undefined ? '' : quoteText(shownQuote, QUOTE_FORMATS.bad_lead.draw(rng)),
    formatCustomerName(customer, rng),
    formatEmail(customer, rng),
    formatPhone(customer, rng, 'bad_lead'),
    leadSource(ctx, 'bad_lead', source),
    ctx.branches.spell(branch.id, rng, SOURCE_BIT.bad_lead),
  ]);
  return out.rows;
}

export function writeLost(
  out: CsvSink, ctx: RowContext, quote: number, day: Day, reason: string, source: LeadSource, person: SalesPerson | undefined,
  branch: Branch, estimate: string,
): number {
  const { rng } = ctx;
  out.write([
    quoteText(quote, QUOTE_FORMATS.lost_lead.draw(rng)),
    formatDay(day, style('lost_lead', rng)),
    reason,
    leadSource(ctx, 'lost_lead', source),
    salesPerson(ctx, 'lost_lead', person),
    ctx.branches.spell(branch.id, rng, SOURCE_BIT.lost_lead),
    estimate,
  ]);
  return out.rows;
}

export function writeOpportunity(
  out: XlsxSink, ctx: RowContext, f: LeadFacts, booked: Day, serviceType: string, status: string,
): number {
  const { rng } = ctx;
  const format = QUOTE_FORMATS.booked_opportunity.draw(rng);
  const asText = rng.next() < XLSX_TEXT_DATE_RATE;
  const s = style('booked_opportunity', rng);
  const date = (day: Day): XlsxCell => (asText ? formatDay(day, s) : dayToDate(day));
  out.write([
    format === 'plain' ? f.quote : quoteText(f.quote, format),
    formatCustomerName(f.customer, rng),
    formatEmail(f.customer, rng),
    formatPhone(f.customer, rng, 'booked_opportunity'),
    ctx.branches.spell(f.branch.id, rng, SOURCE_BIT.booked_opportunity),
    salesPerson(ctx, 'booked_opportunity', f.person),
    leadSource(ctx, 'booked_opportunity', f.source),
    date(booked),
    date(f.moveDay),
    serviceType,
    f.size.label,
    f.route.origin.name,
    f.route.origin.state,
    f.route.destination.name,
    f.route.destination.state,
    f.estimate,
    status,
  ]);
  return out.rows;
}

export type JobStatus = 'Pending' | 'Booked' | 'Closed' | 'Cancelled' | 'Postponed';

/** One job of a quote; `actuals` only for closed jobs; a packing job happens at the origin, so has no miles. */
export interface JobFacts {
  readonly jobNumber: number;
  readonly day: Day;
  readonly status: JobStatus;
  readonly serviceType: string;
  readonly packing: boolean;
  readonly actuals: JobActuals | undefined;
}

export function writeJob(out: CsvSink, ctx: RowContext, f: LeadFacts, job: JobFacts): number {
  const { rng } = ctx;
  const { status, actuals } = job;
  const statusText = status === 'Cancelled' && rng.next() < CANCELED_SPELLING_RATE ? 'Canceled' : status;
  const crew = actuals ? String(actuals.crew) : status === 'Cancelled' ? '' : String(f.size.crew);
  out.write([
    String(job.jobNumber),
    quoteText(f.quote, QUOTE_FORMATS.job.draw(rng)),
    formatDay(job.day, style('job', rng)),
    statusText,
    formatCustomerName(f.customer, rng),
    formatEmail(f.customer, rng),
    formatPhone(f.customer, rng, 'job'),
    ctx.branches.spell(f.branch.id, rng, SOURCE_BIT.job),
    salesPerson(ctx, 'job', f.person),
    leadSource(ctx, 'job', f.source),
    job.serviceType,
    f.size.label,
    f.route.origin.name,
    f.route.origin.state,
    f.route.destination.name,
    f.route.destination.state,
    crew,
    actuals ? actuals.hours.toFixed(2) : '',
    job.packing ? '' : f.route.miles.toFixed(1),
    actuals ? money(actuals.revenue) : status === 'Cancelled' ? '0.00' : '',
    actuals ? money(actuals.labor) : '',
    actuals ? money(actuals.truck) : '',
    actuals ? money(actuals.materials) : '',
    actuals ? money(actuals.other) : '',
  ]);
  return out.rows;
}
