import { fileURLToPath } from 'node:url';
import type { SqlRunner } from '../../db/index.ts';
import { clusterNames, normalizePersonName, normalizePlaceName } from '../../matching/index.ts';
import type { NicknameMap, PersonName } from '../../matching/index.ts';
import { loadNicknames } from '../../matching/nickname-loader.ts';
import type { PipelineStep, StepContext } from '../types.ts';
import { clusterKey } from './lookups.ts';
import { queueMergeCandidates } from './candidates.ts';

/** The tables whose raw sales-person cells found SalesPerson rows and are linked to them. */
export const salesPersonTables = ['job', 'booked_opportunity', 'lead_status', 'lost_lead'] as const;

/** Two branch rows are one office when they share at least this many sales-person name keys… */
const OFFICE_MIN_SHARED_KEYS = 2;
/** …and those make at least this share of the smaller branch row's keys. */
const OFFICE_MIN_SHARED_RATIO = 0.25;
/** An office with fewer distinct name keys is too thin to tell two people apart by. */
const OFFICE_MIN_KEYS = 3;

export const shippedNicknamesPath = fileURLToPath(new URL('../../../../resources/nicknames/names.csv', import.meta.url));

/**
 * The nickname list, read on first use (not at import, so loading the module costs nothing).
 * @example const nicknames = nicknameSource(); nicknames().formalsOf.get('bob') // Set { 'robert' }
 */
export function nicknameSource(path = shippedNicknamesPath): () => NicknameMap {
  let map: NicknameMap | undefined;
  return () => (map ??= loadNicknames(path));
}

/**
 * One raw sales-person spelling as seen with one branch row, with its row count.
 * @example { raw: 'Smith, John', branchId: 26, rows: 14, name: normalizePersonName('Smith, John') }
 */
export interface SpellingCell {
  raw: string;
  branchId: number | null;
  rows: number;
  name: PersonName;
}

/** Every (raw spelling, branch) pair of the four sales-person tables, normalized; unreadable spellings counted apart. */
export async function loadSpellingCells(tx: SqlRunner): Promise<{ cells: SpellingCell[]; unreadable: number }> {
  const result = await tx.query(
    `select raw_sales_person, branch_id, sum(n)::bigint from (
       ${salesPersonTables.map((t) => `select raw_sales_person, branch_id, count(*) as n from ${t} where raw_sales_person is not null group by 1, 2`).join(' union all ')}
     ) s group by 1, 2 order by 1, 2`,
  );
  const cells: SpellingCell[] = [];
  const unreadable = new Set<string>();
  const names = new Map<string, PersonName | null>();
  for (const [raw, branchId, rows] of result.rows) {
    const text = String(raw);
    if (!names.has(text)) names.set(text, normalizePersonName(text));
    const name = names.get(text);
    if (!name || name.key === '') unreadable.add(text);
    else cells.push({ raw: text, branchId: branchId === null ? null : Number(branchId), rows: Number(rows), name });
  }
  return { cells, unreadable: unreadable.size };
}

function setIn<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  return set;
}

/**
 * Offices: branch rows that stand for one real office. The branches step keeps unreviewed spellings
 * ("DEN", "Denver Metro") as rows of their own, so they are tied together here by the people seen in
 * them: two branch rows sharing at least 2 name keys, and a quarter of the smaller one's keys, are one
 * office. Different offices share a name only by coincidence (two John Smiths), one key at most.
 * An office is `strong` when it holds at least 3 name keys; a thinner one proves nothing.
 *
 * @example const offices = groupOffices(cells); offices.officeOf(25) // 26 (DEN belongs with Denver)
 */
export function groupOffices(cells: readonly { name: { key: string }; branchId: number | null }[]) {
  const keysOf = new Map<number, Set<string>>();
  const branchesOf = new Map<string, Set<number>>();
  for (const { name, branchId } of cells) {
    if (branchId === null) continue;
    setIn(keysOf, branchId).add(name.key);
    setIn(branchesOf, name.key).add(branchId);
  }
  const shared = new Map<string, number>();
  for (const branches of branchesOf.values()) {
    const list = [...branches].sort((a, b) => a - b);
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const pair = `${list[i]}:${list[j]}`;
      shared.set(pair, (shared.get(pair) ?? 0) + 1);
    }
  }
  const parent = new Map<number, number>([...keysOf.keys()].map((b) => [b, b]));
  const find = (b: number): number => {
    let root = b;
    while (parent.get(root)! !== root) root = parent.get(root)!;
    parent.set(b, root);
    return root;
  };
  for (const [pair, count] of shared) {
    const [a, b] = pair.split(':').map(Number) as [number, number];
    const smaller = Math.min(keysOf.get(a)!.size, keysOf.get(b)!.size);
    if (count < OFFICE_MIN_SHARED_KEYS || count < OFFICE_MIN_SHARED_RATIO * smaller) continue;
    const [ra, rb] = [find(a), find(b)];
    // The smallest branch id names the office, so the grouping reads the same on every run.
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const officeKeys = new Map<number, Set<string>>();
  for (const [branchId, keys] of keysOf) {
    const set = setIn(officeKeys, find(branchId));
    for (const key of keys) set.add(key);
  }
  return {
    officeOf: (branchId: number | null): number | null => (branchId !== null && parent.has(branchId) ? find(branchId) : null),
    isStrong: (office: number | null): boolean => office !== null && (officeKeys.get(office)?.size ?? 0) >= OFFICE_MIN_KEYS,
  };
}
export type Offices = ReturnType<typeof groupOffices>;

/** Resolves a branch annotation ("Atlanta" in "John Smith (Atlanta)") to a branch row, or null. */
async function annotationResolver(tx: SqlRunner): Promise<(annotation: string | null) => number | null> {
  const aliases = await tx.query(`select raw_name, branch_id from branch_alias union all select name, branch_id from branch`);
  const byRaw = new Map(aliases.rows.map(([raw, id]) => [String(raw).trim().toLowerCase(), Number(id)]));
  const keys = await tx.query(`select name_key, branch_id from branch`);
  const byKey = new Map(keys.rows.map(([key, id]) => [String(key), Number(id)]));
  return (annotation) => {
    if (annotation === null) return null;
    const found = annotation
      .split(', ')
      .map((part) => byRaw.get(part.trim().toLowerCase()) ?? byKey.get(normalizePlaceName(part, 'branch')?.key ?? '') ?? null)
      .filter((id): id is number => id !== null);
    return found.length > 0 && found.every((id) => id === found[0]) ? found[0]! : null;
  };
}

/** A person as the data shows one: a normalized name in one office. */
interface Identity {
  id: number;
  key: string;
  office: number | null;
  cells: SpellingCell[];
}

/** The list under `key`, created empty on first use. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (list === undefined) map.set(key, (list = []));
  return list;
}

/**
 * Same normalized key → one person per office. Cells of a thin office, or without a branch, join the
 * key's person when the key lives in exactly one strong office; a key in no strong office is one
 * person; a key in several leaves those cells unassigned (their rows stay unlinked, and are counted).
 * A branch annotation in the spelling ("John Smith (Atlanta)") names the office before the row does.
 */
function identitiesOf(cells: readonly SpellingCell[], offices: Offices, annotationBranch: (a: string | null) => number | null) {
  const byKey = new Map<string, { cell: SpellingCell; office: number | null }[]>();
  for (const cell of cells) {
    const annotated = offices.officeOf(annotationBranch(cell.name.notes.annotation));
    const office = offices.isStrong(annotated) ? annotated : offices.officeOf(cell.branchId);
    listIn(byKey, cell.name.key).push({ cell, office: offices.isStrong(office) ? office : null });
  }
  const identities: Identity[] = [];
  const unassigned: SpellingCell[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const list = byKey.get(key)!;
    const strong = [...new Set(list.map((c) => c.office).filter((o): o is number => o !== null))].sort((a, b) => a - b);
    const own = new Map<number | null, Identity>();
    const identityIn = (office: number | null): Identity => {
      let identity = own.get(office);
      if (identity === undefined) {
        identity = { id: identities.length + 1, key, office, cells: [] };
        identities.push(identity);
        own.set(office, identity);
      }
      return identity;
    };
    for (const { cell, office } of list) {
      if (office !== null) identityIn(office).cells.push(cell);
      else if (strong.length <= 1) identityIn(strong[0] ?? null).cells.push(cell);
      else unassigned.push(cell);
    }
  }
  return { identities, unassigned };
}

/** The display spelling of a person: the most frequent well-formed spelling, else the cleaned form of the most frequent. */
function displayOf(cells: readonly SpellingCell[]) {
  const totals = new Map<string, { name: PersonName; rows: number }>();
  for (const c of cells) {
    const t = totals.get(c.raw) ?? totals.set(c.raw, { name: c.name, rows: 0 }).get(c.raw)!;
    t.rows += c.rows;
  }
  const ranked = [...totals.values()].sort((a, b) => b.rows - a.rows || (a.name.raw < b.name.raw ? -1 : 1));
  const best = ranked.find((t) => t.name.raw === t.name.display) ?? ranked[0]!;
  const words = best.name.display.split(' ');
  if (best.name.suffix) words.pop();
  return { full: best.name.display, first: words[0] ?? null, last: words.length > 1 ? words[words.length - 1]! : null };
}

function homeBranchOf(cells: readonly SpellingCell[]): number | null {
  const rows = new Map<number, number>();
  for (const c of cells) if (c.branchId !== null) rows.set(c.branchId, (rows.get(c.branchId) ?? 0) + c.rows);
  return [...rows].sort(([a, x], [b, y]) => y - x || a - b)[0]?.[0] ?? null;
}

const text = (v: number | null) => (v === null ? null : String(v));

/**
 * Builds the SalesPerson lookup and links every job, opportunity, lead and lost lead to it.
 * See docs/database.md, "People pipelines".
 */
export function createSalesPersonsStep(nicknames: () => NicknameMap = nicknameSource()): PipelineStep {
  return {
    name: 'sales-persons',
    description: 'the SalesPerson lookup from jobs, opportunities, leads and lost leads: same name in the same office merged, fuzzier clusters queued for review',
    after: ['branches'],
    async apply(ctx: StepContext) {
      const { tx } = ctx;
      const { cells, unreadable } = await loadSpellingCells(tx);
      ctx.note('blank or unreadable spellings', unreadable);
      const offices = groupOffices(cells);
      const { identities, unassigned } = identitiesOf(cells, offices, await annotationResolver(tx));
      ctx.progress(`${new Set(cells.map((c) => c.raw)).size} distinct spellings, ${identities.length} people by name and office`);
      ctx.note('spellings whose branch does not tell which person (not linked there)', new Set(unassigned.map((c) => c.raw)).size);

      await tx.exec(`drop table if exists sp_identity, sp_cell, sp_office;
        create temp table sp_identity (identity int primary key, office bigint, name_key text not null, full_name text not null,
          first_name text, last_name text, home_branch_id bigint, sales_person_id bigint, is_new boolean not null default false) on commit drop;
        create temp table sp_cell (raw_name text not null, branch_id bigint, identity int, n int not null) on commit drop;
        create temp table sp_office (branch_id bigint primary key, office bigint) on commit drop`);
      await tx.copyRows(
        'sp_identity',
        ['identity', 'office', 'name_key', 'full_name', 'first_name', 'last_name', 'home_branch_id'],
        identities.map((i) => {
          const d = displayOf(i.cells);
          return [String(i.id), text(i.office), i.key, d.full, d.first, d.last, text(homeBranchOf(i.cells))];
        }),
      );
      await tx.copyRows('sp_cell', ['raw_name', 'branch_id', 'identity', 'n'], [
        ...identities.flatMap((i) => i.cells.map((c) => [c.raw, text(c.branchId), String(i.id), String(c.rows)])),
        ...unassigned.map((c) => [c.raw, text(c.branchId), null, String(c.rows)]),
      ]);
      const branchIds = [...new Set(cells.map((c) => c.branchId).filter((b): b is number => b !== null))];
      await tx.copyRows('sp_office', ['branch_id', 'office'], branchIds.map((b) => [String(b), text(offices.officeOf(b))]));

      // A person found before keeps their row: the one most of the identity's rows already point at,
      // through the alias the data rows use. An alias a reviewer made always counts; one the pipeline
      // made counts only for a person of the same office, so a new same-name person elsewhere is not
      // swallowed by an older unqualified alias.
      await tx.exec(`update sp_identity i set sales_person_id = v.sales_person_id from (
          select distinct on (c.identity) c.identity, coalesce(q.sales_person_id, g.sales_person_id) as sales_person_id
            from sp_cell c
            join sp_identity i on i.identity = c.identity
            left join sales_person_alias q on q.raw_name = c.raw_name and q.branch_id = c.branch_id
            left join sales_person_alias g on g.raw_name = c.raw_name and g.branch_id is null
            join sales_person p on p.sales_person_id = coalesce(q.sales_person_id, g.sales_person_id)
            left join sp_office o on o.branch_id = p.home_branch_id
           where coalesce(q.origin, g.origin) = 'reviewer' or o.office is null or i.office is null or o.office = i.office
           group by 1, 2 order by 1, sum(c.n) desc, 2) v
        where v.identity = i.identity;
        update sp_identity set sales_person_id = nextval(pg_get_serial_sequence('sales_person', 'sales_person_id')), is_new = true
         where sales_person_id is null`);
      await ctx.change(
        'sales_person',
        'insert',
        `insert into sales_person (sales_person_id, full_name, first_name, last_name, name_key, home_branch_id) overriding system value
         select sales_person_id, full_name, first_name, last_name, name_key, home_branch_id from sp_identity where is_new order by identity
         returning full_name, name_key, home_branch_id`,
      );
      // A spelling that means one person wherever it is seen gets one unqualified alias; a spelling
      // that means different people in different offices gets one alias per branch row.
      await ctx.change(
        'sales_person_alias',
        'insert',
        `insert into sales_person_alias (raw_name, sales_person_id, origin)
         select c.raw_name, min(i.sales_person_id), 'pipeline' from sp_cell c left join sp_identity i using (identity)
          where not exists (select 1 from sales_person_alias a where a.raw_name = c.raw_name and a.branch_id is null)
          group by c.raw_name having count(distinct i.sales_person_id) = 1 and count(*) = count(i.sales_person_id)
         on conflict do nothing
         returning raw_name, sales_person_id, branch_id`,
      );
      await ctx.change(
        'sales_person_alias',
        'insert',
        `insert into sales_person_alias (raw_name, branch_id, sales_person_id, origin)
         select c.raw_name, c.branch_id, i.sales_person_id, 'pipeline' from sp_cell c join sp_identity i using (identity)
          where c.branch_id is not null
            and not exists (select 1 from sales_person_alias q where q.raw_name = c.raw_name and q.branch_id = c.branch_id)
            and not exists (select 1 from sales_person_alias g where g.raw_name = c.raw_name and g.branch_id is null
                             and (g.sales_person_id = i.sales_person_id or g.origin = 'reviewer'))
         on conflict do nothing
         returning raw_name, sales_person_id, branch_id`,
      );
      ctx.progress('linking rows');
      // Each (spelling, branch row) pair the data holds, resolved once: the alias qualified with the
      // branch wins, else the spelling's unqualified alias. Rows then join this map on plain equality.
      await tx.exec(`drop table if exists sp_link; create temp table sp_link on commit drop as
        select c.raw_name, coalesce(c.branch_id, 0) as branch_key, coalesce(q.sales_person_id, g.sales_person_id) as sales_person_id
          from (select distinct raw_name, branch_id from sp_cell) c
          left join sales_person_alias q on q.raw_name = c.raw_name and q.branch_id = c.branch_id
          left join sales_person_alias g on g.raw_name = c.raw_name and g.branch_id is null
         where coalesce(q.sales_person_id, g.sales_person_id) is not null;
        analyze sp_link`);
      for (const table of salesPersonTables) {
        await ctx.change(
          table,
          'link',
          `update ${table} d set sales_person_id = m.sales_person_id, updated_at = now()
             from sp_link m
            where m.raw_name = d.raw_sales_person and m.branch_key = coalesce(d.branch_id, 0)
              and d.sales_person_id is distinct from m.sales_person_id
           returning d.raw_sales_person as raw, m.sales_person_id`,
          [],
          { columns: ['sales_person_id'] },
        );
      }
      const unlinked = await tx.query(
        `select count(*) from (${salesPersonTables.map((t) => `select 1 from ${t} where raw_sales_person is not null and sales_person_id is null`).join(' union all ')}) s`,
      );
      ctx.note('rows with a sales person spelling left unlinked', Number(unlinked.rows[0]?.[0] ?? 0));
      await queueCandidates(ctx, cells, identities, nicknames());
    },
  };
}

/**
 * The review queue: fuzzy clusters of the matching engine (nicknames, initials, typos, reversed
 * order), and one candidate per name kept apart because it was seen in different offices.
 */
async function queueCandidates(ctx: StepContext, cells: readonly SpellingCell[], identities: readonly Identity[], nicknames: NicknameMap) {
  const { tx } = ctx;
  const counts = new Map<string, number>();
  for (const c of cells) counts.set(c.raw, (counts.get(c.raw) ?? 0) + c.rows);
  const fuzzy = clusterNames([...counts].map(([name, count]) => ({ name, count })), { kind: 'sales-person', nicknames })
    .filter((c) => new Set(c.members.map((m) => m.key)).size > 1)
    .map((c) => ({
      key: clusterKey(c),
      canonical: c.canonical,
      members: c.members.map(({ name, count }) => ({ name, count })),
      score: c.score,
      evidence: c.evidence,
    }));
  const branchNames = new Map((await tx.query(`select branch_id, name from branch`)).rows.map(([id, name]) => [Number(id), String(name)]));
  const byKey = new Map<string, Identity[]>();
  for (const i of identities) if (i.office !== null) listIn(byKey, i.key).push(i);
  const split = [...byKey]
    .filter(([, same]) => same.length > 1)
    .map(([key, same]) => {
      const places = same.map((i) => branchNames.get(homeBranchOf(i.cells) ?? -1) ?? '?').sort();
      const members = new Map<string, number>();
      for (const i of same) for (const c of i.cells) members.set(c.raw, (members.get(c.raw) ?? 0) + c.rows);
      return {
        key: `${key} @ ${places.join(' / ')}`,
        canonical: displayOf(same.flatMap((i) => i.cells)).full,
        members: [...members].sort((a, b) => b[1] - a[1]).map(([name, count]) => ({ name, count })),
        score: 1,
        evidence: [`same name seen in different offices (${places.join(' / ')}): kept apart as different people until a reviewer decides`],
      };
    });
  const all = [...fuzzy, ...split];
  ctx.note('merge candidates found', fuzzy.length);
  ctx.note('same name kept apart in different offices', split.length);
  await queueMergeCandidates(ctx, 'sales_person', all);
}

export const salesPersonsStep: PipelineStep = createSalesPersonsStep();
