import { f } from './fields.ts';
import { literal } from './sql-fields.ts';
import type { FieldSpec } from './fields.ts';

export type SourceKind = 'lead_status' | 'bad_lead' | 'lost_lead' | 'booked_opportunity' | 'job' | 'user_performance' | 'sales_performance';

export type SqlType = 'text' | 'date' | 'timestamp' | 'numeric' | 'integer' | 'smallint';

/**
 * A model column and the SQL that fills it from the checked staging row `c`, where `c.v_<field>` is a
 * field's typed value and `c.c_<field>` its raw text exactly as the export wrote it.
 */
export interface ColumnSpec {
  column: string;
  type: SqlType;
  sql: string;
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
  /** SQL over `c` giving the natural key: the same key in a newer export updates the row. */
  naturalKey: string;
  naturalKeyDoc: string;
  columns: ColumnSpec[];
  /** Checks across fields, run after each field's own: the field blamed and SQL giving a reason or NULL. */
  rowChecks?: { field: string; problem: (headerOf: (field: string) => string) => string }[];
}

const v = (field: string) => `c.v_${field}`;
const raw = (field: string) => `c.c_${field}`;
/** Case and spacing folded, for keys built from names. */
const folded = (sql: string) => `coalesce(lower(btrim(regexp_replace(${sql}, '\\s+', ' ', 'g'))), '')`;
const hashed = (...parts: string[]) => `md5(concat_ws(chr(1), ${parts.join(', ')}))`;
const firstName = `case when ${v('customer_name')} like '%,%' then nullif(btrim(split_part(${v('customer_name')}, ',', 2)), '') else split_part(${v('customer_name')}, ' ', 1) end`;
const lastName = `case when ${v('customer_name')} like '%,%' then nullif(btrim(split_part(${v('customer_name')}, ',', 1)), '') else nullif(btrim(substr(${v('customer_name')}, length(split_part(${v('customer_name')}, ' ', 1)) + 1)), '') end`;
/** A period must not end before it starts (the table's check constraint, as a row-level reject). */
const periodOrder = (headerOf: (field: string) => string) =>
  `case when ${v('period_end')} < ${v('period_start')} then format('%s (%s) is before %s (%s)', ${literal(headerOf('period_end'))}, ${v('period_end')}, ${literal(headerOf('period_start'))}, ${v('period_start')}) end`;
const col = (column: string, type: SqlType, sql: string): ColumnSpec => ({ column, type, sql });
const text = (column: string, field: string): ColumnSpec => col(column, 'text', v(field));
const rawText = (column: string, field: string): ColumnSpec => col(column, 'text', raw(field));

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

const contactColumns: ColumnSpec[] = [rawText('raw_customer_name', 'customer_name'), rawText('raw_email', 'email'), rawText('raw_phone', 'phone')];
const routeColumns: ColumnSpec[] = ['origin_city', 'origin_state', 'destination_city', 'destination_state'].map((c) => text(c, c));
const quoteColumns: ColumnSpec[] = [text('quote_number', 'quote'), rawText('raw_quote_number', 'quote')];
const lookupColumns = (...keys: ('lead_source' | 'branch' | 'sales_person')[]): ColumnSpec[] => keys.map((k) => rawText(`raw_${k}`, k));
const personColumns: ColumnSpec[] = [col('first_name', 'text', firstName), col('last_name', 'text', lastName)];

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
    naturalKey: `case when ${v('quote')} is not null then 'q:' || ${v('quote')} || ':' || to_char(${v('received')}, 'YYYY-MM-DD')
                 else 'c:' || ${hashed(folded(v('customer_name')), `coalesce(${v('email')}, ${folded(raw('email'))})`, `coalesce(${v('phone')}, '')`, `${v('received')}::text`)} end`,
    naturalKeyDoc: 'quote number and received date (without a quote: name, e-mail, phone and received time)',
    columns: [
      ...quoteColumns,
      ...personColumns,
      ...contactColumns,
      text('email', 'email'),
      text('phone', 'phone'),
      ...lookupColumns('lead_source', 'branch', 'sales_person'),
      text('status', 'status'),
      rawText('raw_status', 'status'),
      col('received_at', 'timestamp', v('received')),
      col('move_date', 'date', v('move_date')),
      ...routeColumns,
      text('move_size', 'move_size'),
      col('estimated_amount', 'numeric', v('estimated')),
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
    naturalKey: `'b:' || ${hashed(`${v('received')}::text`, folded(v('customer_name')), `coalesce(${v('email')}, ${folded(raw('email'))})`, `coalesce(${v('phone')}, '')`, `coalesce(${v('quote')}, '')`, folded(v('reason')), folded(v('lead_source')), folded(v('branch')))}`,
    naturalKeyDoc: 'received time, name, e-mail, phone, quote number, reason, lead source and branch',
    columns: [
      ...quoteColumns,
      text('reason', 'reason'),
      rawText('raw_reason', 'reason'),
      col('received_at', 'timestamp', v('received')),
      ...personColumns,
      ...contactColumns,
      text('email', 'email'),
      text('phone', 'phone'),
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
    naturalKey: `'q:' || ${v('quote')} || ':' || ${v('lost_date')}::text`,
    naturalKeyDoc: 'quote number and lost date',
    columns: [
      ...quoteColumns,
      col('lost_at', 'date', v('lost_date')),
      text('reason', 'reason'),
      rawText('raw_reason', 'reason'),
      ...lookupColumns('lead_source', 'sales_person', 'branch'),
      col('estimated_amount', 'numeric', v('estimated')),
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
    naturalKey: `'q:' || ${v('quote')}`,
    naturalKeyDoc: 'quote number',
    columns: [
      ...quoteColumns,
      ...contactColumns,
      ...lookupColumns('branch', 'sales_person', 'lead_source'),
      col('booked_at', 'date', v('booked')),
      col('move_date', 'date', v('move_date')),
      text('service_type', 'service_type'),
      text('move_size', 'move_size'),
      ...routeColumns,
      col('estimated_amount', 'numeric', v('estimated')),
      text('status', 'status'),
      rawText('raw_status', 'status'),
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
    naturalKey: `'j:' || ${folded(v('job_number'))}`,
    naturalKeyDoc: 'job number',
    columns: [
      text('job_number', 'job_number'),
      ...quoteColumns,
      ...contactColumns,
      ...lookupColumns('branch', 'sales_person', 'lead_source'),
      col('job_date', 'date', v('job_date')),
      text('status', 'status'),
      rawText('raw_status', 'status'),
      text('service_type', 'service_type'),
      text('move_size', 'move_size'),
      col('revenue', 'numeric', v('revenue')),
      col('labor_cost', 'numeric', v('labor_cost')),
      col('truck_cost', 'numeric', v('truck_cost')),
      col('materials_cost', 'numeric', v('materials_cost')),
      col('other_cost', 'numeric', v('other_cost')),
      ...routeColumns,
      col('crew_size', 'smallint', v('crew')),
      col('hours', 'numeric', v('hours')),
      col('distance_miles', 'numeric', v('miles')),
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
    naturalKey: `'u:' || ${folded(v('user'))} || '|' || ${folded(v('branch'))} || '|' || ${v('period_start')}::text || '|' || ${v('period_end')}::text`,
    naturalKeyDoc: 'user, branch, period start and period end',
    rowChecks: [{ field: 'period_end', problem: periodOrder }],
    columns: [
      rawText('raw_user_name', 'user'),
      rawText('raw_branch', 'branch'),
      col('period_start', 'date', v('period_start')),
      col('period_end', 'date', v('period_end')),
      col('calls_in', 'integer', v('calls_in')),
      col('calls_out', 'integer', v('calls_out')),
      col('missed_calls', 'integer', v('missed')),
      col('talk_time_seconds', 'integer', v('talk_minutes')),
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
    naturalKey: `'s:' || ${folded(v('sales_person'))} || '|' || ${folded(v('branch'))} || '|' || ${v('period_start')}::text || '|' || ${v('period_end')}::text`,
    naturalKeyDoc: 'sales person, branch, period start and period end',
    rowChecks: [{ field: 'period_end', problem: periodOrder }],
    columns: [
      rawText('raw_sales_person', 'sales_person'),
      rawText('raw_branch', 'branch'),
      col('period_start', 'date', v('period_start')),
      col('period_end', 'date', v('period_end')),
      col('leads_received', 'integer', v('leads_received')),
      col('quotes_sent', 'integer', v('quotes_sent')),
      col('booked_count', 'integer', v('booked')),
      col('booked_revenue', 'numeric', v('booked_revenue')),
    ],
  },
};

export const sourceKinds = Object.keys(sources) as SourceKind[];
