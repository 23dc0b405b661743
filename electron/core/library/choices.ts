import type { ReadableDatabase } from '../db/index.ts';
import type { LookupChoice, LookupKind } from '../../../shared/contract/index.ts';
import { ParamValueError } from './errors.ts';
import { closestNames } from './suggest.ts';

/** The lookup tables behind the branch, lead_source and sales_person parameter types. A closed set: never user input. */
const lookupTables: Record<LookupKind, { table: string; id: string; name: string; noun: string; plural: string }> = {
  branch: { table: 'branch', id: 'branch_id', name: 'name', noun: 'branch', plural: 'branches' },
  lead_source: { table: 'lead_source', id: 'lead_source_id', name: 'name', noun: 'lead source', plural: 'lead sources' },
  sales_person: { table: 'sales_person', id: 'sales_person_id', name: 'full_name', noun: 'sales person', plural: 'sales people' },
};

/** Every row of a lookup table as a choice, by name. Runs read-only like any library query. */
export async function listChoices(db: ReadableDatabase, kind: LookupKind): Promise<LookupChoice[]> {
  const t = lookupTables[kind];
  const result = await db.read(`select ${t.id}, ${t.name} from ${t.table} order by lower(${t.name}), ${t.id}`);
  return result.rows.map(([id, name]) => ({ id: Number(id), name: String(name) }));
}

/**
 * The id of the lookup row whose name is `text`, matched case-insensitively (sales people by
 * full_name). Unknown or ambiguous names are a ParamValueError that says what to do instead.
 */
export async function resolveLookupName(db: ReadableDatabase, kind: LookupKind, param: string, text: string): Promise<number> {
  const t = lookupTables[kind];
  const choices = await listChoices(db, kind);
  const wanted = text.trim().toLowerCase();
  const matches = choices.filter((c) => c.name.trim().toLowerCase() === wanted);
  const [match] = matches;
  if (match && matches.length === 1) return match.id;
  if (matches.length > 1) {
    throw new ParamValueError(`parameter "${param}": "${text}" matches ${matches.length} ${t.plural} (ids ${matches.map((m) => m.id).join(', ')}); pass the id instead`);
  }
  if (choices.length === 0) throw new ParamValueError(`parameter "${param}": no ${t.noun} is named "${text}": the ${t.table} table is empty (has the pipeline run?); use all`);
  const close = closestNames(wanted, choices.map((c) => c.name.toLowerCase()), 3);
  const hint = close.length > 0 ? `; did you mean ${close.map((n) => `"${choices.find((c) => c.name.toLowerCase() === n)?.name ?? n}"`).join(', ')}?` : '';
  throw new ParamValueError(`parameter "${param}": no ${t.noun} is named "${text}"${hint} (all, an id, or one of ${choices.length} names)`);
}
