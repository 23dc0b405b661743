import { headerKey } from './fields.ts';
import { sourceKinds, sources } from './sources.ts';
import type { SourceKind, SourceSpec } from './sources.ts';

export interface Detected {
  spec: SourceSpec;
  /** Field key → column index in the file. */
  columns: Map<string, number>;
}

export type Detection = { ok: true; detected: Detected } | { ok: false; reason: string };

function describeKinds(): string {
  return sourceKinds.map((k) => `${k} (recognised by "${sources[k].signature[0]}")`).join(', ');
}

/** Matches a header row against every source's columns. */
function match(spec: SourceSpec, keys: string[]): { columns: Map<string, number>; missing: string[]; matched: number } {
  const columns = new Map<string, number>();
  const missing: string[] = [];
  for (const [field, fieldSpec] of Object.entries(spec.fields)) {
    const index = keys.findIndex((k) => fieldSpec.headers.some((h) => headerKey(h) === k));
    if (index >= 0) columns.set(field, index);
    else if (fieldSpec.required) missing.push(fieldSpec.headers[0] ?? field);
  }
  return { columns, missing, matched: columns.size };
}

/**
 * Recognises a file's kind from its header row alone: the export whose signature header is present
 * and whose required columns are all there. Explains what was expected and what was found otherwise.
 */
export function detectSource(headers: string[]): Detection {
  const keys = headers.map(headerKey);
  const candidates = sourceKinds
    .map((kind) => sources[kind])
    .filter((spec) => spec.signature.some((s) => keys.includes(headerKey(s))))
    .map((spec) => ({ spec, ...match(spec, keys) }));
  const complete = candidates.filter((c) => c.missing.length === 0).sort((a, b) => b.matched - a.matched);
  const found = headers.map((h) => `"${h}"`).join(', ');
  if (complete.length === 0) {
    const partial = candidates[0];
    if (partial) {
      const expected = Object.values(partial.spec.fields)
        .filter((fs) => fs.required)
        .map((fs) => `"${fs.headers[0]}"`)
        .join(', ');
      return {
        ok: false,
        reason: `looks like a ${partial.spec.kind} export but misses required columns ${partial.missing.map((m) => `"${m}"`).join(', ')} (required: ${expected}; found: ${found})`,
      };
    }
    return { ok: false, reason: `unknown file kind: no known export has these columns (found: ${found}; known kinds: ${describeKinds()})` };
  }
  const [best, second] = complete;
  if (best && second && best.matched === second.matched) {
    return { ok: false, reason: `ambiguous file kind: the columns fit both ${best.spec.kind} and ${second.spec.kind} (found: ${found})` };
  }
  return { ok: true, detected: { spec: (best as (typeof complete)[number]).spec, columns: (best as (typeof complete)[number]).columns } };
}

/** Finds the header row among the first rows (a title or a blank line may stand above it). */
export function findHeaderRow(rows: string[][], scanRows = 15): { index: number; detection: Detection } {
  let firstFailure: Detection | undefined;
  for (let i = 0; i < Math.min(rows.length, scanRows); i += 1) {
    const row = rows[i] ?? [];
    if (row.every((c) => c.trim() === '')) continue;
    const detection = detectSource(row);
    if (detection.ok) return { index: i, detection };
    // A near-miss header explains more than the title line above it.
    if (!firstFailure || (!firstFailure.ok && !firstFailure.reason.startsWith('looks like') && detection.reason.startsWith('looks like'))) {
      firstFailure = detection;
    }
  }
  return { index: -1, detection: firstFailure ?? { ok: false, reason: 'the file has no header row (it is empty)' } };
}

export type { SourceKind };
