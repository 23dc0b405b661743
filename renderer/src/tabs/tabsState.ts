import type { ChartPreset, ColumnFormat, LibraryParam } from '../../../shared/contract/index.ts';

/**
 * One open query tab. The SQL typed later lives in the tab's editor; `initialSql` is what it opened with.
 * A library query's tab also carries its parameters (the tab shows a form and runs the query by slug)
 * and its column formats.
 * @example { id: 't3', title: 'Moves per branch', initialSql: '-- name: …', slug: 'moves-per-branch', chart: { type: 'bar' }, params: [], formats: {} }
 */
export interface QueryTabModel {
  id: string;
  title: string;
  initialSql: string;
  slug?: string;
  chart?: ChartPreset;
  params?: LibraryParam[];
  formats?: Record<string, ColumnFormat>;
}

export interface TabsState {
  tabs: QueryTabModel[];
  activeId: string | null;
  /** Numbers the blank tabs: "Query 1", "Query 2"… */
  nextNumber: number;
}

export type TabsAction =
  | { type: 'new' }
  | { type: 'open'; tab: Omit<QueryTabModel, 'id'> }
  | { type: 'close'; id: string }
  | { type: 'activate'; id: string }
  | { type: 'cycle'; step: 1 | -1 };

export const initialTabsState: TabsState = { tabs: [], activeId: null, nextNumber: 1 };

let idCounter = 0;
function newId(): string {
  idCounter += 1;
  return `tab-${idCounter}`;
}

/** Tabs as a pure reducer: opening a library query that is already open shows that tab again. */
export function tabsReducer(state: TabsState, action: TabsAction): TabsState {
  switch (action.type) {
    case 'new': {
      const tab = { id: newId(), title: `Query ${state.nextNumber}`, initialSql: '' };
      return { tabs: [...state.tabs, tab], activeId: tab.id, nextNumber: state.nextNumber + 1 };
    }
    case 'open': {
      const existing = action.tab.slug ? state.tabs.find((t) => t.slug === action.tab.slug) : undefined;
      if (existing) return { ...state, activeId: existing.id };
      const tab = { ...action.tab, id: newId() };
      return { ...state, tabs: [...state.tabs, tab], activeId: tab.id };
    }
    case 'close': {
      const index = state.tabs.findIndex((t) => t.id === action.id);
      if (index === -1) return state;
      const tabs = state.tabs.filter((t) => t.id !== action.id);
      if (state.activeId !== action.id) return { ...state, tabs };
      // Closing the active tab shows its right neighbour, else its left one.
      const neighbour = tabs[Math.min(index, tabs.length - 1)];
      return { ...state, tabs, activeId: neighbour?.id ?? null };
    }
    case 'activate':
      return state.tabs.some((t) => t.id === action.id) ? { ...state, activeId: action.id } : state;
    case 'cycle': {
      if (state.tabs.length === 0) return state;
      const index = state.tabs.findIndex((t) => t.id === state.activeId);
      const next = state.tabs[(index + action.step + state.tabs.length) % state.tabs.length];
      return next ? { ...state, activeId: next.id } : state;
    }
  }
}
