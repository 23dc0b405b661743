import { useCallback, useReducer, useRef, useState } from 'react';
import type { LibraryQuery } from '../../shared/contract/index.ts';
import { Icon } from './components/Icon.tsx';
import { useClient } from './hooks/client.tsx';
import { useTheme } from './hooks/theme.tsx';
import { useDbInfo } from './hooks/useDbInfo.ts';
import { usePersonalLists } from './hooks/usePersonalLists.ts';
import type { RunState } from './hooks/useQueryRun.ts';
import { Sidebar } from './layout/Sidebar.tsx';
import type { Screen } from './layout/Sidebar.tsx';
import { StatusBar } from './layout/StatusBar.tsx';
import { useShortcuts } from './layout/useShortcuts.ts';
import { LibraryPanel } from './library/LibraryPanel.tsx';
import { PipelineScreen } from './pipeline/PipelineScreen.tsx';
import { PipelineStatus } from './pipeline/PipelineStatus.tsx';
import { usePipelineActivity } from './pipeline/usePipelineActivity.ts';
import { keys, withKey } from './lib/platform.ts';
import { QueryTab } from './tabs/QueryTab.tsx';
import { TabBar } from './tabs/TabBar.tsx';
import { initialTabsState, tabsReducer } from './tabs/tabsState.ts';

const tabDomId = (id: string) => `${id}-tab`;
const panelDomId = (id: string) => `${id}-panel`;

/** The application shell: screens on the left, query tabs in the middle, status at the bottom. */
export function App() {
  const client = useClient();
  const { theme, toggle } = useTheme();
  const [db, retryDb] = useDbInfo();
  const [tabs, dispatch] = useReducer(tabsReducer, initialTabsState, (s) => tabsReducer(s, { type: 'new' }));
  const [runs, setRuns] = useState<ReadonlyMap<string, RunState>>(new Map());
  const [screen, setScreen] = useState<Screen>('library');
  const [sidebarOpen, setSidebarOpen] = useState(true);
  const filterRef = useRef<HTMLInputElement>(null);
  const personal = usePersonalLists();
  const pipeline = usePipelineActivity();
  // Mounted on first visit and kept, so a plan's result survives a look at the library.
  const [pipelineOpened, setPipelineOpened] = useState(false);

  const onRunChange = useCallback((tabId: string, run: RunState) => {
    setRuns((old) => new Map(old).set(tabId, run));
  }, []);

  const closeTab = useCallback((id: string) => {
    dispatch({ type: 'close', id });
    setRuns((old) => {
      const next = new Map(old);
      next.delete(id);
      return next;
    });
  }, []);

  const openQuery = useCallback(
    async (query: LibraryQuery): Promise<string | null> => {
      const result = await client.call('library/get', { slug: query.slug });
      if (!result.ok) return `${query.name} did not open: ${result.error.message}`;
      const { name, sql, slug, chart, params, formats } = result.value;
      dispatch({ type: 'open', tab: { title: name, initialSql: sql, slug, chart, params, formats } });
      return null;
    },
    [client],
  );

  useShortcuts({
    newTab: () => dispatch({ type: 'new' }),
    closeTab: () => {
      if (tabs.activeId) closeTab(tabs.activeId);
    },
    nextTab: () => dispatch({ type: 'cycle', step: 1 }),
    previousTab: () => dispatch({ type: 'cycle', step: -1 }),
    focusLibraryFilter: () => {
      setScreen('library');
      setSidebarOpen(true);
      requestAnimationFrame(() => filterRef.current?.focus());
    },
  });

  const onSelectScreen = (next: Screen) => {
    if (next === 'pipeline') setPipelineOpened(true);
    if (next === screen) setSidebarOpen((open) => !open);
    else {
      setScreen(next);
      setSidebarOpen(true);
    }
  };

  const running = new Set([...runs].filter(([, run]) => run.status === 'running').map(([id]) => id));
  const activeRun = tabs.activeId ? runs.get(tabs.activeId) : undefined;

  return (
    <div className="app">
      <Sidebar screen={screen} open={sidebarOpen && screen === 'library'} onSelect={onSelectScreen}>
        <LibraryPanel onOpen={openQuery} filterRef={filterRef} personal={personal} />
      </Sidebar>
      {pipelineOpened && <PipelineScreen hidden={screen !== 'pipeline'} pipeline={pipeline} />}
      <main className="workspace" hidden={screen !== 'library'}>
        <TabBar
          tabs={tabs.tabs}
          activeId={tabs.activeId}
          running={running}
          tabDomId={tabDomId}
          panelDomId={panelDomId}
          onActivate={(id) => dispatch({ type: 'activate', id })}
          onClose={closeTab}
          onNew={() => dispatch({ type: 'new' })}
        />
        <div className="tab-panels">
          {tabs.tabs.map((tab) => (
            <QueryTab
              key={tab.id}
              tab={tab}
              active={tab.id === tabs.activeId}
              tabId={tabDomId(tab.id)}
              panelId={panelDomId(tab.id)}
              onRunChange={onRunChange}
              favourite={tab.slug ? personal.favourites.includes(tab.slug) : undefined}
              onToggleFavourite={personal.toggleFavourite}
              onLibraryRun={personal.noteRun}
            />
          ))}
          {tabs.tabs.length === 0 && (
            <div className="no-tabs">
              <p>No query is open.</p>
              <button className="button button-primary" onClick={() => dispatch({ type: 'new' })} title={withKey('New query tab', keys.newTab)}>
                <Icon name="plus" size={14} />
                New query
              </button>
              <p className="status-dim">or open one from the library.</p>
            </div>
          )}
        </div>
      </main>
      <StatusBar
        db={db}
        onRetryDb={retryDb}
        transport={client.transport}
        run={activeRun}
        theme={theme}
        onToggleTheme={toggle}
        activity={<PipelineStatus activity={pipeline.activity} onShow={() => onSelectScreen('pipeline')} />}
      />
    </div>
  );
}
