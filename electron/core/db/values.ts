import type { CellValue } from '../../../shared/db.ts';

/**
 * Value normalization shared by both engines. Both drivers hand us PostgreSQL's text format; we parse
 * it the same way so a result never depends on the engine:
 * - int2/int4/float4/float8/oid → number; int8 and numeric → number when exactly representable
 *   as a double, else the exact decimal string;
 * - date → 'YYYY-MM-DD' (never a JS Date: a date has no time zone);
 * - timestamp/timestamptz → ISO 8601 text as PostgreSQL printed it, with 'T';
 * - json/jsonb → parsed; bool → boolean; arrays of the above → arrays; everything else → text.
 */

export const TypeOid = {
  bool: 16,
  bytea: 17,
  char: 18,
  name: 19,
  int8: 20,
  int2: 21,
  int4: 23,
  text: 25,
  oid: 26,
  json: 114,
  float4: 700,
  float8: 701,
  bpchar: 1042,
  varchar: 1043,
  date: 1082,
  time: 1083,
  timestamp: 1114,
  timestamptz: 1184,
  interval: 1186,
  numeric: 1700,
  uuid: 2950,
  jsonb: 3802,
} as const;

const typeNames = new Map<number, string>(Object.entries(TypeOid).map(([name, oid]) => [oid, name]));

// Array type OIDs mapped to their element type OIDs.
const arrayElement = new Map<number, number>([
  [1000, TypeOid.bool],
  [1005, TypeOid.int2],
  [1007, TypeOid.int4],
  [1016, TypeOid.int8],
  [1009, TypeOid.text],
  [1015, TypeOid.varchar],
  [1021, TypeOid.float4],
  [1022, TypeOid.float8],
  [1231, TypeOid.numeric],
  [1182, TypeOid.date],
  [1115, TypeOid.timestamp],
  [1185, TypeOid.timestamptz],
  [199, TypeOid.json],
  [3807, TypeOid.jsonb],
  [2951, TypeOid.uuid],
]);

export function typeName(oid: number): string {
  const name = typeNames.get(oid);
  if (name) return name;
  const element = arrayElement.get(oid);
  if (element !== undefined) return `${typeNames.get(element) ?? `oid:${element}`}[]`;
  return `oid:${oid}`;
}

function exactNumber(text: string): number | string {
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  // Keep the exact text when the double would not print back to the same value.
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? n : text;
  return String(n) === text.replace(/0+$/, '').replace(/\.$/, '') ? n : text;
}

function timestampText(text: string): string {
  return text.replace(' ', 'T');
}

type Parser = (text: string) => CellValue;

const scalarParsers = new Map<number, Parser>([
  [TypeOid.bool, (t) => t === 't' || t === 'true'],
  [TypeOid.int2, (t) => Number.parseInt(t, 10)],
  [TypeOid.int4, (t) => Number.parseInt(t, 10)],
  [TypeOid.oid, (t) => Number.parseInt(t, 10)],
  [TypeOid.int8, exactNumber],
  [TypeOid.numeric, exactNumber],
  [TypeOid.float4, (t) => Number(t)],
  [TypeOid.float8, (t) => Number(t)],
  [TypeOid.date, (t) => t],
  [TypeOid.timestamp, timestampText],
  [TypeOid.timestamptz, timestampText],
  [TypeOid.json, (t) => JSON.parse(t) as CellValue],
  [TypeOid.jsonb, (t) => JSON.parse(t) as CellValue],
]);

const identity: Parser = (t) => t;

/** Splits PostgreSQL's one-dimensional array literal `{a,"b c",NULL}` into element texts. */
export function splitArrayLiteral(literal: string): (string | null)[] {
  if (literal.length < 2 || literal[0] !== '{') return [literal];
  const body = literal.slice(1, -1);
  const out: (string | null)[] = [];
  if (body === '') return out;
  let i = 0;
  while (i <= body.length) {
    if (body[i] === '"') {
      let value = '';
      i += 1;
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i += 1;
        value += body[i] ?? '';
        i += 1;
      }
      out.push(value);
      i += 2; // closing quote and comma
    } else {
      const end = body.indexOf(',', i);
      const token = body.slice(i, end === -1 ? body.length : end);
      out.push(token === 'NULL' ? null : token);
      i = end === -1 ? body.length + 1 : end + 1;
    }
  }
  return out;
}

/** The text parser for a type OID. */
export function parserFor(oid: number): Parser {
  const scalar = scalarParsers.get(oid);
  if (scalar) return scalar;
  const element = arrayElement.get(oid);
  if (element !== undefined) {
    const inner = scalarParsers.get(element) ?? identity;
    return (t) => splitArrayLiteral(t).map((v) => (v === null ? null : inner(v)));
  }
  return identity;
}
