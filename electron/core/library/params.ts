import { lookupKinds, paramTypes } from '../../../shared/contract/index.ts';
import type { LibraryParam, LookupKind, ParamType, ParamValue } from '../../../shared/contract/index.ts';

/**
 * Typed library parameters (docs/query-library.md, "Parameters"): the declaration in a header, the
 * canonical value of each type, and how a value binds to the `:name` placeholders of the SQL.
 *
 * Canonical values are JSON, the same in the contract and in the core:
 * date `'2024-01-01'`, daterange `'2019-01-01..2025-12-31'`, integer and number a number, text a
 * string, boolean a boolean, and the lookups (branch, sales_person, lead_source) an id or null (all).
 */

/** Why a value does not fit its parameter, without the parameter's name (the caller adds it). */
export class ParamTypeError extends Error {
  override readonly name = 'ParamTypeError';
}

const paramNamePattern = /^[a-z][a-z0-9_]*$/;
const declarationPattern = /^(\S+)\s+(\S+)\s*=\s*(.*?)\s*"([^"]*)"$/;

export function isLookupType(type: ParamType): type is LookupKind {
  return (lookupKinds as readonly string[]).includes(type);
}

/** The values a type accepts, for messages and help. */
export function acceptedForms(type: ParamType, cli = false): string {
  switch (type) {
    case 'date':
      return 'a date YYYY-MM-DD';
    case 'daterange':
      return 'two dates FROM..TO (YYYY-MM-DD..YYYY-MM-DD)';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'text':
      return 'any text';
    case 'boolean':
      return 'true or false';
    default:
      return cli ? `all, an id, or a ${type === 'sales_person' ? 'sales person' : type.replace('_', ' ')} name` : 'all (null) or an id';
  }
}

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"` : JSON.stringify(value);
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isRealDate(value.trim())) throw new ParamTypeError(`expected a date YYYY-MM-DD, got ${describe(value)}`);
  return value.trim();
}

function parseDateRange(value: unknown): string {
  const parts = typeof value === 'string' ? value.split('..') : [];
  const [from = '', to = ''] = parts.map((p) => p.trim());
  if (parts.length !== 2 || !isRealDate(from) || !isRealDate(to)) {
    throw new ParamTypeError(`expected two dates FROM..TO such as 2019-01-01..2025-12-31, got ${describe(value)}`);
  }
  if (from > to) throw new ParamTypeError(`the range ${from}..${to} ends before it starts`);
  return `${from}..${to}`;
}

function parseInteger(value: unknown): number {
  const n = typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new ParamTypeError(`expected a whole number, got ${describe(value)}`);
  return n;
}

function parseNumber(value: unknown): number {
  const n = typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new ParamTypeError(`expected a number, got ${describe(value)}`);
  return n;
}

function parseBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (['true', 'yes', 'on', '1'].includes(text)) return true;
  if (['false', 'no', 'off', '0'].includes(text)) return false;
  throw new ParamTypeError(`expected true or false, got ${describe(value)}`);
}

function parseLookup(type: LookupKind, value: unknown): number | null {
  if (value === null) return null;
  if (typeof value === 'string' && value.trim().toLowerCase() === 'all') return null;
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) return n;
  throw new ParamTypeError(`expected all or a ${type} id (a positive whole number), got ${describe(value)}`);
}

/**
 * A value for a parameter of `type`, from JSON (the contract) or text (a header default, a CLI flag),
 * in its canonical form; throws ParamTypeError when it does not fit. Lookup names are not resolved
 * here (that needs the database): a name is an error.
 */
export function coerceParamValue(type: ParamType, value: unknown): ParamValue {
  switch (type) {
    case 'date':
      return parseDate(value);
    case 'daterange':
      return parseDateRange(value);
    case 'integer':
      return parseInteger(value);
    case 'number':
      return parseNumber(value);
    case 'text':
      if (typeof value !== 'string') throw new ParamTypeError(`expected text, got ${describe(value)}`);
      return value;
    case 'boolean':
      return parseBoolean(value);
    default:
      return parseLookup(type, value);
  }
}

/** `period daterange = 2019-01-01..2025-12-31 "Job dates"` → a parameter; throws with the reason. */
export function parseParamDeclaration(text: string): LibraryParam {
  const match = declarationPattern.exec(text.trim());
  if (!match) throw new ParamTypeError(`expected NAME TYPE = DEFAULT "Label", got "${text.trim()}"`);
  const [, name = '', type = '', rawDefault = '', label = ''] = match;
  if (!paramNamePattern.test(name)) throw new ParamTypeError(`parameter name "${name}" must be lowercase letters, digits and underscores, starting with a letter`);
  if (!(paramTypes as readonly string[]).includes(type)) {
    throw new ParamTypeError(`parameter "${name}" has unknown type "${type}"; the types are ${paramTypes.join(', ')}`);
  }
  const paramType = type as ParamType;
  if (label.trim() === '') throw new ParamTypeError(`parameter "${name}" needs a label in double quotes`);
  const unquoted = /^"(.*)"$/.exec(rawDefault)?.[1] ?? rawDefault;
  let value: ParamValue;
  try {
    value = coerceParamValue(paramType, unquoted);
  } catch (error) {
    throw new ParamTypeError(`parameter "${name}" default: ${(error as Error).message}`);
  }
  return { name, type: paramType, default: value, label: label.trim() };
}

/** The placeholder names a parameter provides: `period` (daterange) → period_from, period_to. */
export function placeholderNames(param: Pick<LibraryParam, 'name' | 'type'>): string[] {
  return param.type === 'daterange' ? [`${param.name}_from`, `${param.name}_to`] : [param.name];
}

/** The bound values of a parameter's placeholders, by placeholder name; a value must be canonical. */
export function bindParam(param: LibraryParam, value: ParamValue): [string, ParamValue][] {
  if (param.type === 'daterange') {
    const [from = null, to = null] = typeof value === 'string' ? value.split('..') : [];
    return [
      [`${param.name}_from`, from],
      [`${param.name}_to`, to],
    ];
  }
  return [[param.name, value]];
}

/** `period (daterange: two dates FROM..TO …; default 2019-01-01..2025-12-31)`, for messages. */
export function describeParam(param: LibraryParam, cli = false): string {
  const fallback = param.default === null ? 'all' : typeof param.default === 'string' ? param.default || '""' : String(param.default);
  return `${param.name} (${param.type}: ${acceptedForms(param.type, cli)}; default ${fallback})`;
}
