// The seven raw exports: file names and the column headers exactly as the CRM writes them.
import type { SourceKind } from './mess.ts';

/**
 * One raw export.
 *
 * @example SOURCE_FILES.job // { kind: 'job', file: 'jobs.csv', format: 'csv', headers: ['Job #', 'Quote #', …], signature: 'Job #' }
 */
export interface SourceFileSpec {
  readonly kind: SourceKind;
  readonly file: string;
  readonly format: 'csv' | 'xlsx';
  /** Sheet name for xlsx files. */
  readonly sheet?: string;
  readonly headers: readonly string[];
  /** A header that no other export has: enough on its own to recognise the file. */
  readonly signature: string;
}

export const SOURCE_FILES: Readonly<Record<SourceKind, SourceFileSpec>> = {
  lead_status: {
    kind: 'lead_status',
    file: 'lead_status.csv',
    format: 'csv',
    headers: ['Quote #', 'Customer Name', 'Email', 'Phone', 'Referral Source', 'Branch', 'Sales Person', 'Lead Status',
      'Date Received', 'Move Date', 'Origin City', 'Origin State', 'Destination City', 'Destination State', 'Move Size',
      'Est. Total'],
    signature: 'Lead Status',
  },
  bad_lead: {
    kind: 'bad_lead',
    file: 'bad_leads.csv',
    format: 'csv',
    headers: ['Date Received', 'Bad Lead Reason', 'Quote #', 'Customer Name', 'Email', 'Phone', 'Referral Source', 'Branch'],
    signature: 'Bad Lead Reason',
  },
  lost_lead: {
    kind: 'lost_lead',
    file: 'lost_leads.csv',
    format: 'csv',
    headers: ['Quote #', 'Lost Date', 'Lost Reason', 'Lead Source', 'Sales Person', 'Branch', 'Est. Total'],
    signature: 'Lost Reason',
  },
  booked_opportunity: {
    kind: 'booked_opportunity',
    file: 'booked_opportunities.xlsx',
    format: 'xlsx',
    sheet: 'Booked Opportunities',
    headers: ['Quote #', 'Customer Name', 'Email', 'Phone', 'Branch', 'Sales Person', 'Lead Source', 'Booked Date',
      'Move Date', 'Service Type', 'Move Size', 'Origin City', 'Origin State', 'Destination City', 'Destination State',
      'Est. Total', 'Status'],
    signature: 'Booked Date',
  },
  job: {
    kind: 'job',
    file: 'jobs.csv',
    format: 'csv',
    headers: ['Job #', 'Quote #', 'Job Date', 'Job Status', 'Customer Name', 'Email', 'Phone', 'Branch', 'Sales Person',
      'Referral Source', 'Service Type', 'Move Size', 'Origin City', 'Origin State', 'Destination City',
      'Destination State', 'Crew Size', 'Hours', 'Miles', 'Revenue', 'Labor Cost', 'Truck Cost', 'Materials Cost',
      'Other Cost'],
    signature: 'Job #',
  },
  user_performance: {
    kind: 'user_performance',
    file: 'user_performance.csv',
    format: 'csv',
    headers: ['User', 'Branch', 'Period Start', 'Period End', 'Calls In', 'Calls Out', 'Missed Calls', 'Talk Time (min)'],
    signature: 'Calls In',
  },
  sales_performance: {
    kind: 'sales_performance',
    file: 'sales_performance.xlsx',
    format: 'xlsx',
    sheet: 'Sales Performance',
    headers: ['Sales Person', 'Branch', 'Period Start', 'Period End', 'Leads Received', 'Quotes Sent', 'Booked',
      'Booked Revenue'],
    signature: 'Leads Received',
  },
};

export const SOURCE_KINDS = Object.keys(SOURCE_FILES) as SourceKind[];

/** One bit per export, to record which files a raw spelling was written to. */
export const SOURCE_BIT: Readonly<Record<SourceKind, number>> = Object.fromEntries(
  SOURCE_KINDS.map((kind, i) => [kind, 1 << i]),
) as Record<SourceKind, number>;
