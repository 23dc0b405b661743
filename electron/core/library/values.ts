import type { LibraryParam, LibraryQuery, ParamValue } from '../../../shared/contract/index.ts';
import { ParamValueError } from './errors.ts';
import { coerceParamValue, describeParam, isLookupType, ParamTypeError } from './params.ts';
import type { LookupKind } from '../../../shared/contract/index.ts';

/** `revenue-by-month accepts: period (daterange: …), branch (…)`: the tail of every parameter message. */
export function acceptedParams(query: Pick<LibraryQuery, 'slug' | 'params'>, cli = false): string {
  if (query.params.length === 0) return `${query.slug} takes no parameters`;
  return `${query.slug} accepts: ${query.params.map((p) => describeParam(p, cli)).join(', ')}`;
}

function findParam(query: Pick<LibraryQuery, 'slug' | 'params'>, name: string, cli: boolean): LibraryParam {
  const param = query.params.find((p) => p.name === name);
  if (!param) throw new ParamValueError(`unknown parameter "${name}"; ${acceptedParams(query, cli)}`);
  return param;
}

function coerce(query: Pick<LibraryQuery, 'slug' | 'params'>, param: LibraryParam, value: unknown, cli: boolean): ParamValue {
  try {
    return coerceParamValue(param.type, value);
  } catch (error) {
    if (!(error instanceof ParamTypeError)) throw error;
    throw new ParamValueError(`parameter "${param.name}" (${param.type}): ${error.message}; ${acceptedParams(query, cli)}`);
  }
}

/**
 * Canonical values for every parameter of a query: the given ones checked against their types, the
 * others their defaults. For the contract (JSON values). Throws ParamValueError listing what the query
 * accepts.
 * @example resolveParamValues(revenueByMonth, { min_jobs: 5 }) → { period: '2019-01-01..2025-12-31', branch: null, min_jobs: 5 }
 */
export function resolveParamValues(query: Pick<LibraryQuery, 'slug' | 'params'>, given: Readonly<Record<string, unknown>>): Record<string, ParamValue> {
  for (const name of Object.keys(given)) findParam(query, name, false);
  const values: Record<string, ParamValue> = {};
  for (const param of query.params) {
    values[param.name] = Object.hasOwn(given, param.name) ? coerce(query, param, given[param.name], false) : param.default;
  }
  return values;
}

/** A lookup parameter given by name on the command line, still to be matched against its table. */
export interface PendingLookup {
  param: string;
  kind: LookupKind;
  text: string;
}

/**
 * Parses `--param name=value` flags: values by name, and lookup names (`--param branch=denver`) left
 * for `resolveLookupName`. Throws ParamValueError listing what the query accepts.
 */
export function parseCliParams(query: Pick<LibraryQuery, 'slug' | 'params'>, flags: readonly string[]): { values: Record<string, ParamValue>; lookups: PendingLookup[] } {
  const given: Record<string, ParamValue> = {};
  const lookups: PendingLookup[] = [];
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new ParamValueError(`--param "${flag}": expected name=value; ${acceptedParams(query, true)}`);
    const name = flag.slice(0, eq).trim();
    const text = flag.slice(eq + 1);
    const param = findParam(query, name, true);
    if (Object.hasOwn(given, name) || lookups.some((l) => l.param === name)) throw new ParamValueError(`parameter "${name}" is given twice`);
    if (isLookupType(param.type) && !/^\s*(all|\d+)\s*$/i.test(text)) {
      if (text.trim() === '') throw new ParamValueError(`parameter "${name}" (${param.type}): expected all, an id or a name, got ""; ${acceptedParams(query, true)}`);
      lookups.push({ param: name, kind: param.type, text: text.trim() });
      continue;
    }
    given[name] = coerce(query, param, text, true);
  }
  const values = resolveParamValues(query, given);
  for (const lookup of lookups) delete values[lookup.param];
  return { values, lookups };
}
