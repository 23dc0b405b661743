/**
 * The link columns the pipelines write on the fact tables, and the rows they point at. They carry
 * no foreign-key constraint (migration 0010 says why): the pipelines take every value from the
 * referenced table in the same transaction, and every link statement checks the rows it wrote
 * (`danglingCheck` in runner.ts), so a dangling link fails the step instead.
 */
export interface LinkColumn {
  table: string;
  column: string;
  references: { table: string; column: string };
}

const to = (table: string, column: string) => ({ table, column });
const lookups = (table: string): LinkColumn[] => [
  { table, column: 'branch_id', references: to('branch', 'branch_id') },
  { table, column: 'lead_source_id', references: to('lead_source', 'lead_source_id') },
  { table, column: 'customer_id', references: to('customer', 'customer_id') },
];

export const linkColumns: readonly LinkColumn[] = [
  ...lookups('job'),
  { table: 'job', column: 'sales_person_id', references: to('sales_person', 'sales_person_id') },
  { table: 'job', column: 'booked_opportunity_id', references: to('booked_opportunity', 'booked_opportunity_id') },
  ...lookups('booked_opportunity'),
  { table: 'booked_opportunity', column: 'sales_person_id', references: to('sales_person', 'sales_person_id') },
  ...lookups('lead_status'),
  { table: 'lead_status', column: 'sales_person_id', references: to('sales_person', 'sales_person_id') },
  { table: 'lead_status', column: 'booked_opportunity_id', references: to('booked_opportunity', 'booked_opportunity_id') },
  ...lookups('bad_lead'),
  { table: 'bad_lead', column: 'lead_id', references: to('lead_status', 'lead_id') },
  ...lookups('lost_lead'),
  { table: 'lost_lead', column: 'sales_person_id', references: to('sales_person', 'sales_person_id') },
  { table: 'lost_lead', column: 'booked_opportunity_id', references: to('booked_opportunity', 'booked_opportunity_id') },
  { table: 'lost_lead', column: 'lead_id', references: to('lead_status', 'lead_id') },
];

export function linkColumn(table: string, column: string): LinkColumn | undefined {
  return linkColumns.find((l) => l.table === table && l.column === column);
}
