import { describe, expect, it } from 'vitest';
import { initialTabsState, tabsReducer } from './tabsState.ts';
import type { TabsAction, TabsState } from './tabsState.ts';

const run = (...actions: TabsAction[]): TabsState => actions.reduce(tabsReducer, initialTabsState);
const titles = (state: TabsState) => state.tabs.map((t) => t.title);
const active = (state: TabsState) => state.tabs.find((t) => t.id === state.activeId)?.title;

describe('tabsReducer', () => {
  it('numbers blank tabs and activates the new one', () => {
    const state = run({ type: 'new' }, { type: 'new' });
    expect(titles(state)).toEqual(['Query 1', 'Query 2']);
    expect(active(state)).toBe('Query 2');
  });

  it('opens a library query once and shows it again when opened twice', () => {
    const moves = { title: 'Moves', initialSql: 'select 1', slug: 'moves' };
    const state = run({ type: 'open', tab: moves }, { type: 'new' }, { type: 'open', tab: moves });
    expect(titles(state)).toEqual(['Moves', 'Query 1']);
    expect(active(state)).toBe('Moves');
  });

  it('activates the right neighbour when the active tab closes, else the left one', () => {
    const three = run({ type: 'new' }, { type: 'new' }, { type: 'new' });
    const [a, b, c] = three.tabs.map((t) => t.id) as [string, string, string];
    const middle = tabsReducer(tabsReducer(three, { type: 'activate', id: b }), { type: 'close', id: b });
    expect(active(middle)).toBe('Query 3');
    const last = tabsReducer(three, { type: 'close', id: c });
    expect(active(last)).toBe('Query 2');
    const inactive = tabsReducer(three, { type: 'close', id: a });
    expect(active(inactive)).toBe('Query 3');
    expect(run({ type: 'new' }, { type: 'close', id: 'nope' }).tabs).toHaveLength(1);
  });

  it('has no active tab when the last one closes', () => {
    const one = run({ type: 'new' });
    const none = tabsReducer(one, { type: 'close', id: one.tabs[0]?.id ?? '' });
    expect(none).toMatchObject({ tabs: [], activeId: null });
  });

  it('cycles through the tabs in both directions', () => {
    const three = run({ type: 'new' }, { type: 'new' }, { type: 'new' });
    expect(active(tabsReducer(three, { type: 'cycle', step: 1 }))).toBe('Query 1');
    expect(active(tabsReducer(three, { type: 'cycle', step: -1 }))).toBe('Query 2');
  });
});
