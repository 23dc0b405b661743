import { describe, expect, it } from 'vitest';
import { pickRunTarget } from './runTarget.ts';

const text = 'select 1;\nselect 2;';

describe('pickRunTarget', () => {
  it('runs the statement at the cursor when nothing is selected', () => {
    expect(pickRunTarget(text, { start: 12, end: 12 }, 12)).toEqual({ ok: true, fromSelection: false, statement: { text: 'select 2', start: 10, end: 18 } });
  });

  it('runs the selected part of a statement', () => {
    expect(pickRunTarget(text, { start: 0, end: 6 }, 6)).toEqual({ ok: true, fromSelection: true, statement: { text: 'select', start: 0, end: 6 } });
  });

  it('refuses a selection of several statements or of none', () => {
    expect(pickRunTarget(text, { start: 0, end: text.length }, 0)).toEqual({ ok: false, reason: 'The selection holds 2 statements; select one, or put the cursor in it.' });
    expect(pickRunTarget('select 1; -- x', { start: 9, end: 14 }, 14)).toEqual({ ok: false, reason: 'The selection holds no statement.' });
  });

  it('says so when the editor holds no statement', () => {
    expect(pickRunTarget('  ', { start: 0, end: 0 }, 0)).toEqual({ ok: false, reason: 'There is no statement to run.' });
  });
});
