import { describe, expect, it } from 'vitest';
import { verifyHistory, MigrationHistoryError } from './migrator.ts';
import type { MigrationFile } from './files.ts';

const file = (id: number, checksum = `c${id}`): MigrationFile => ({ id, name: `000${id}_m${id}.sql`, sql: '', checksum });
const row = (id: number, checksum = `c${id}`) => ({ id, name: `000${id}_m${id}.sql`, checksum, appliedAt: '', durationMs: 0 });

describe('verifyHistory', () => {
  it('returns the pending files after a matching history', () => {
    expect(verifyHistory([row(1), row(2)], [file(1), file(2), file(3)]).map((f) => f.id)).toEqual([3]);
  });
  it('refuses an edited file and a history longer than the files', () => {
    expect(() => verifyHistory([row(1, 'old')], [file(1, 'new')])).toThrow(MigrationHistoryError);
    expect(() => verifyHistory([row(1), row(2)], [file(1)])).toThrow(/missing from migrations/);
  });
});
