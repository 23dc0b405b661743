import { createHash } from 'node:crypto';
import { f } from './fields.ts';
import { splitPersonName } from './values.ts';
import type { FieldSpec } from './fields.ts';

export type SourceKind = 'lead_status' | 'bad_lead' | 'lost_lead' | 'booked_opportunity' | 'job' | 'user_performance' | 'sales_performance';

/** One parsed row: per field, the raw text as written and the parsed value (null when blank or lenient-invalid). */
export type ParsedRow = Record<string, { raw: string | null; value: string | null }>;

export type SqlType = 'text' | 'date' | 'timestamp' | 'numeric' | 'integer' | 'smallint';

export interface ColumnSpec {
  column: string;
  type: SqlType;
  value: (row: ParsedRow) => string | null;
}

/**
 * One kind of raw export: how to recognise it (a signature header no other export has, plus its
 * required columns), how to read each column, its natural key, and the model columns it loads.
 */
export interface SourceSpec {
  kind: SourceKind;
  table: string;
  signature: readonly string[];
  fields: Record<string, FieldSpec>;
  /** The natural key: the same key in a newer export updates the row instead of adding one. */
  naturalKey: (row: ParsedRow) => string;
  naturalKeyDoc: string;
  columns: ColumnSpec[];
}

const v = (key: string) => (row: ParsedRow) => row[key]?.value ?? null;
const raw = (key: string) => (row: ParsedRow) => row[key]?.raw ?? null;
const lower = (s: string | null) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
const digest = (...parts: (string | null)[]) => createHash('sha1').update(parts.map((p) => p ?? '').join('\u0001')).digest('hex').slice(0, 24);
const first = (row: ParsedRow) => (row.customer_name?.value ? splitPersonName(row.customer_name.value).first : null);
const last = (row: ParsedRow) => (row.customer_name?.value ? splitPersonName(row.customer_name.value).last : null);

const contactFields = {
  customer_name: f.text(['Customer Name', 'Customer', 'Name', 'Client Name']),
  email: f.email(['Email', 'E-mail', 'Email Address']),
  phone: f.phone(['Phone', 'Phone Number', 'Telephone']),
};
const routeFields = {
  origin_city: f.text(['Origin City', 'From City']),
  origin_state: f.text(['Origin State', 'From State']),
  destination_city: f.text(['Destination City', 'To City']),
  destination_state: f.text(['Destination State', 'To State']),
};
const lookupFields = {
  lead_source: f.text(['Referral Source', 'Lead Source', 'Source']),
  branch: f.text(['Branch', 'Office', 'Location']),
  sales_person: f.text(['Sales Person', 'Salesperson', 'Sales Rep', 'Estimator']),
};

const contactColumns: ColumnSpec[] = [
  { column: 'raw_customer_name', type: 'text', value: raw('customer_name') },
  { column: 'raw_email', type: 'text', value: raw('email') },
  { column: 'raw_phone', type: 'text', value: raw('phone') },
];
const routeColumns: ColumnSpec[] = ['origin_city', 'origin_state', 'destination_city', 'destination_state'].map((c) => ({ column: c, type: 'text' as const, value: v(c) }));
const quoteColumns: ColumnSpec[] = [
  { column: 'quote_number', type: 'text', value: v('quote') },
  { column: 'raw_quote_number', type: 'text', value: raw('quote') },
];
const lookupColumns = (...keys: ('lead_source' | 'branch' | 'sales_person')[]): ColumnSpec[] =>
  keys.map((k) => ({ column: `raw_${k}`, type: 'text' as const, value: raw(k) }));

export const sources: Record<SourceKind, SourceSpec> = {
  lead_status: {
    kind: 'lead_status',
    table: 'lead_status',
    signature: ['Lead Status'],
    fields: {
      quote: f.quote(['Quote #', 'Quote Number', 'Quote No', 'Quote']),
      ...contactFields,
      ...lookupFields,
      status: f.status(['Lead Status'], ['NEW', 'CONTACTED', 'QUOTED', 'BOOKED', 'LOST', 'BAD'], { BAD_LEAD: 'BAD' }),
      received: f.datetime(['Date Received', 'Received', 'Lead Date', 'Created'], true),
      move_date: f.date(['Move Date']),
      ...routeFields,
      move_size: f.text(['Move Size', 'Size']),
      estimated: f.money(['Est. Total', 'Estimate', 'Estimated Total']),
    },
    naturalKey: (r) => (r.quote?.value ? `q:${r.quote.value}:${(r.received?.value ?? '').slice(0, 10)}` : `c:${digest(lower(r.customer_name?.raw ?? null), r.email?.value ?? lower(r.email?.raw ?? null), r.phone?.value ?? null, r.received?.value ?? null)}`),
    naturalKeyDoc: 'normalized quote number + received date; without a quote, a hash of name, e-mail, phone and received time',
    columns: [
      ...quoteColumns,
      { column: 'first_name', type: 'text', value: first },
      { column: 'last_name', type: 'text', value: last },
      ...contactColumns,
      { column: 'email', type: 'text', value: v('email') },
      { column: 'phone', type: 'text', value: v('phone') },
      ...lookupColumns('lead_source', 'branch', 'sales_person'),
      { column: 'status', type: 'text', value: v('status') },
      { column: 'raw_status', type: 'text', value: raw('status') },
      { column: 'received_at', type: 'timestamp', value: v('received') },
      { column: 'move_date', type: 'date', value: v('move_date') },
      ...routeColumns,
      { column: 'move_size', type: 'text', value: v('move_size') },
      { column: 'estimated_amount', type: 'numeric', value: v('estimated') },
    ],
  },
  bad_lead: {
    kind: 'bad_lead',
    table: 'bad_lead',
    signature: ['Bad Lead Reason'],
    fields: {
      received: f.datetime(['Date Received', 'Received', 'Lead Date'], true),
      reason: f.text(['Bad Lead Reason', 'Reason'], true),
      quote: f.quote(['Quote #', 'Quote Number', 'Quote']),
      ...contactFields,
      lead_source: lookupFields.lead_source,
      branch: lookupFields.branch,
    },
    naturalKey: (r) => `b:${digest(r.received?.value ?? null, lower(r.customer_name?.raw ?? null), r.email?.value ?? lower(r.email?.raw ?? null), r.phone?.value ?? null, lower(r.reason?.value ?? null))}`,
    naturalKeyDoc: 'a hash of received time, name, e-mail, phone and reason',
    columns: [
      ...quoteColumns,
      { column: 'reason', type: 'text', value: v('reason') },
      { column: 'raw_reason', type: 'text', value: raw('reason') },
      { column: 'received_at', type: 'timestamp', value: v('received') },
      { column: 'first_name', type: 'text', value: first },
      { column: 'last_name', type: 'text', value: last },
      ...contactColumns,
      { column: 'email', type: 'text', value: v('email') },
      { column: 'phone', type: 'text', value: v('phone') },
      ...lookupColumns('lead_source', 'branch'),
    ],
  },
  lost_lead: {
    kind: 'lost_lead',
    table: 'lost_lead',
    signature: ['Lost Reason'],
    fields: {
      quote: f.quote(['Quote #', 'Quote Number', 'Quote'], true),
      lost_date: f.date(['Lost Date', 'Date Lost'], true),
      reason: f.text(['Lost Reason', 'Reason'], true),
      ...lookupFields,
      estimated: f.money(['Est. Total', 'Estimate', 'Estimated Total']),
    },
    naturalKey: (r) => `q:${r.quote?.value ?? ''}:${r.lost_date?.value ?? ''}`,
    naturalKeyDoc: 'normalized quote number + lost date',
    columns: [
      ...quoteColumns,
      { column: 'lost_at', type: 'date', value: v('lost_date') },
      { column: 'reason', type: 'text', value: v('reason') },
      { column: 'raw_reason', type: 'text', value: raw('reason') },
      ...lookupColumns('lead_source', 'sales_person', 'branch'),
      { column: 'estimated_amount', type: 'numeric', value: v('estimated') },
    ],
  },
  booked_opportunity: {
    kind: 'booked_opportunity',
    table: 'booked_opportunity',
    signature: ['Booked Date'],
    fields: {
      quote: f.quote(['Quote #', 'Quote Number', 'Quote'], true),
      ...contactFields,
      ...lookupFields,
      booked: f.date(['Booked Date', 'Date Booked'], true),
      move_date: f.date(['Move Date']),
      service_type: f.text(['Service Type', 'Service']),
      move_size: f.text(['Move Size', 'Size']),
      ...routeFields,
      estimated: f.money(['Est. Total', 'Estimate', 'Estimated Total']),
      status: f.status(['Status', 'Opportunity Status'], ['BOOKED', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'LOST'], { CANCELED: 'CANCELLED' }),
    },
    naturalKey: (r) => `q:${r.quote?.value ?? ''}`,
    naturalKeyDoc: 'normalized quote number',
    columns: [
      ...quoteColumns,
      ...contactColumns,
      ...lookupColumns('branch', 'sales_person', 'lead_source'),
      { column: 'booked_at', type: 'date', value: v('booked') },
      { column: 'move_date', type: 'date', value: v('move_date') },
      { column: 'service_type', type: 'text', value: v('service_type') },
      { column: 'move_size', type: 'text', value: v('move_size') },
      ...routeColumns,
      { column: 'estimated_amount', type: 'numeric', value: v('estimated') },
      { column: 'status', type: 'text', value: v('status') },
      { column: 'raw_status', type: 'text', value: raw('status') },
    ],
  },
  job: {
    kind: 'job',
    table: 'job',
    signature: ['Job #', 'Job Number'],
    fields: {
      job_number: f.text(['Job #', 'Job Number', 'Job No'], true),
      quote: f.quote(['Quote #', 'Quote Number', 'Quote']),
      job_date: f.date(['Job Date', 'Move Date', 'Date'], true),
      status: f.status(['Job Status', 'Status'], ['PENDING', 'BOOKED', 'CLOSED', 'CANCELLED', 'POSTPONED'], { CANCELED: 'CANCELLED' }),
      ...contactFields,
      ...lookupFields,
      service_type: f.text(['Service Type', 'Service']),
      move_size: f.text(['Move Size', 'Size']),
      ...routeFields,
      crew: f.int(['Crew Size', 'Crew'], 0, 50),
      hours: f.decimal(['Hours', 'Labor Hours'], 0, 9999),
      miles: f.decimal(['Miles', 'Distance'], 0, 9_999_999),
      revenue: f.money(['Revenue', 'Total Revenue']),
      labor_cost: f.money(['Labor Cost']),
      truck_cost: f.money(['Truck Cost']),
      materials_cost: f.money(['Materials Cost', 'Material Cost']),
      other_cost: f.money(['Other Cost']),
    },
    naturalKey: (r) => `j:${lower(r.job_number?.value ?? null)}`,
    naturalKeyDoc: 'job number',
    columns: [
      { column: 'job_number', type: 'text', value: v('job_number') },
      ...quoteColumns,
      ...contactColumns,
      ...lookupColumns('branch', 'sales_person', 'lead_source'),
      { column: 'job_date', type: 'date', value: v('job_date') },
      { column: 'status', type: 'text', value: v('status') },
      { column: 'raw_status', type: 'text', value: raw('status') },
      { column: 'service_type', type: 'text', value: v('service_type') },
      { column: 'move_size', type: 'text', value: v('move_size') },
      { column: 'revenue', type: 'numeric', value: v('revenue') },
      { column: 'labor_cost', type: 'numeric', value: v('labor_cost') },
      { column: 'truck_cost', type: 'numeric', value: v('truck_cost') },
      { column: 'materials_cost', type: 'numeric', value: v('materials_cost') },
      { column: 'other_cost', type: 'numeric', value: v('other_cost') },
      ...routeColumns,
      { column: 'crew_size', type: 'smallint', value: v('crew') },
      { column: 'hours', type: 'numeric', value: v('hours') },
      { column: 'distance_miles', type: 'numeric', value: v('miles') },
    ],
  },
  user_performance: {
    kind: 'user_performance',
    table: 'user_performance',
    signature: ['Calls In', 'Inbound Calls'],
    fields: {
      user: f.text(['User', 'User Name', 'Agent'], true),
      branch: lookupFields.branch,
      period_start: f.date(['Period Start', 'Start Date', 'Week Of'], true),
      period_end: f.date(['Period End', 'End Date'], true),
      calls_in: f.int(['Calls In', 'Inbound Calls'], 0, 1_000_000),
      calls_out: f.int(['Calls Out', 'Outbound Calls'], 0, 1_000_000),
      missed: f.int(['Missed Calls', 'Missed'], 0, 1_000_000),
      talk_minutes: f.minutes(['Talk Time (min)', 'Talk Time', 'Talk Minutes']),
    },
    naturalKey: (r) => `u:${lower(r.user?.value ?? null)}|${lower(r.branch?.value ?? null)}|${r.period_start?.value}|${r.period_end?.value}`,
    naturalKeyDoc: 'user name + branch (case and spacing folded) + period start + period end',
    columns: [
      { column: 'raw_user_name', type: 'text', value: raw('user') },
      { column: 'raw_branch', type: 'text', value: raw('branch') },
      { column: 'period_start', type: 'date', value: v('period_start') },
      { column: 'period_end', type: 'date', value: v('period_end') },
      { column: 'calls_in', type: 'integer', value: v('calls_in') },
      { column: 'calls_out', type: 'integer', value: v('calls_out') },
      { column: 'missed_calls', type: 'integer', value: v('missed') },
      { column: 'talk_time_seconds', type: 'integer', value: v('talk_minutes') },
    ],
  },
  sales_performance: {
    kind: 'sales_performance',
    table: 'sales_performance',
    signature: ['Leads Received'],
    fields: {
      sales_person: f.text(['Sales Person', 'Salesperson', 'Sales Rep'], true),
      branch: lookupFields.branch,
      period_start: f.date(['Period Start', 'Start Date', 'Month'], true),
      period_end: f.date(['Period End', 'End Date'], true),
      leads_received: f.int(['Leads Received', 'Leads'], 0, 1_000_000),
      quotes_sent: f.int(['Quotes Sent', 'Quotes'], 0, 1_000_000),
      booked: f.int(['Booked', 'Booked Count', 'Bookings'], 0, 1_000_000),
      booked_revenue: f.money(['Booked Revenue', 'Revenue']),
    },
    naturalKey: (r) => `s:${lower(r.sales_person?.value ?? null)}|${lower(r.branch?.value ?? null)}|${r.period_start?.value}|${r.period_end?.value}`,
    naturalKeyDoc: 'sales person + branch (case and spacing folded) + period start + period end',
    columns: [
      { column: 'raw_sales_person', type: 'text', value: raw('sales_person') },
      { column: 'raw_branch', type: 'text', value: raw('branch') },
      { column: 'period_start', type: 'date', value: v('period_start') },
      { column: 'period_end', type: 'date', value: v('period_end') },
      { column: 'leads_received', type: 'integer', value: v('leads_received') },
      { column: 'quotes_sent', type: 'integer', value: v('quotes_sent') },
      { column: 'booked_count', type: 'integer', value: v('booked') },
      { column: 'booked_revenue', type: 'numeric', value: v('booked_revenue') },
    ],
  },
};

export const sourceKinds = Object.keys(sources) as SourceKind[];
