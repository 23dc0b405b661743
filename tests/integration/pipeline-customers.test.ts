import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, projectMigrations } from '../../electron/core/migrate/index.ts';
import { runPipeline } from '../../electron/core/pipeline/index.ts';
import { customersStep } from '../../electron/core/pipeline/steps/customers.ts';
import { engines, freshDatabase } from '../support/engines.ts';
import type { Database } from '../../electron/core/db/index.ts';

/**
 * What a resolved customer carries, on records made for it: the name of its first lead (before an
 * earlier opportunity's), the city and state of its first record, and the e-mail and phone most of
 * its records give (the smallest of a tie).
 */
describe.each(engines)('customer attributes on the $name engine', (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(engine));
    await migrate(db, projectMigrations());
    await db.write(async (tx) => {
      // Ann Lee: one phone on all four records; e-mails b, a, b, c.
      await tx.query(
        `insert into booked_opportunity (quote_number, raw_customer_name, raw_email, raw_phone, booked_at, origin_city, origin_state, status)
         values ('Q-1', 'Lee, Ann', ' B@X.com ', '(303) 555-0101', '2020-01-01', 'Boulder', 'CO', 'BOOKED')`,
      );
      const lead = `insert into lead_status (raw_customer_name, email, phone, received_at, origin_city, origin_state, status) values ($1, $2, $3, $4, $5, $6, 'NEW')`;
      await tx.query(lead, ['Ann Lee', 'a@x.com', '3035550101', '2020-02-01T10:00:00Z', 'Denver', null]);
      await tx.query(lead, ['ANN LEE', 'b@x.com', '3035550101', '2020-03-01T10:00:00Z', null, null]);
      await tx.query(lead, ['Ann Lee', 'c@x.com', '3035550101', '2020-04-01T10:00:00Z', 'Aurora', 'CO']);
      // Bo Kim: one phone, two e-mails once each (a tie), the later lead written "Kim, Bo".
      await tx.query(lead, ['Kim, Bo', 'c@y.com', '7205550199', '2021-01-02T10:00:00Z', 'Golden', 'CO']);
      await tx.query(lead, ['Bo Kim', 'd@y.com', '7205550199', '2021-01-01T10:00:00Z', null, 'WY']);
      // Cy Day: a single lead, no e-mail.
      await tx.query(lead, ['Cy Day', null, '9705550123', '2022-05-05T10:00:00Z', 'Vail', 'CO']);
    });
    await runPipeline(db, [customersStep]);
  }, 120_000);
  afterAll(async () => dispose());

  it('takes the first lead’s name, the first record’s city and state, and the most frequent e-mail and phone', async () => {
    const customers = await db.read(`select full_name, email, phone, city, state from customer order by full_name`);
    expect(customers.rows).toEqual([
      ['Ann Lee', 'b@x.com', '3035550101', 'Boulder', 'CO'],
      ['Bo Kim', 'c@y.com', '7205550199', 'Golden', 'WY'],
      ['Cy Day', null, '9705550123', 'Vail', 'CO'],
    ]);
    const links = await db.read(
      `select c.full_name, count(*) from customer c join (select customer_id from lead_status union all select customer_id from booked_opportunity) r using (customer_id) group by 1 order by 1`,
    );
    expect(links.rows.map(([name, n]) => [name, Number(n)])).toEqual([
      ['Ann Lee', 4],
      ['Bo Kim', 2],
      ['Cy Day', 1],
    ]);
  });
});
