import type { KeyboardEvent } from 'react';
import { Icon } from '../components/Icon.tsx';
import { keys, withKey } from '../lib/platform.ts';
import type { QueryTabModel } from './tabsState.ts';

interface TabBarProps {
  tabs: QueryTabModel[];
  activeId: string | null;
  running: ReadonlySet<string>;
  tabDomId(id: string): string;
  panelDomId(id: string): string;
  onActivate(id: string): void;
  onClose(id: string): void;
  onNew(): void;
}

/**
 * The query tabs as an ARIA tablist: arrow keys, Home and End move between tabs (and show them),
 * Delete closes the focused one. Each tab's close button sits beside the tab, not inside it.
 */
export function TabBar({ tabs, activeId, running, tabDomId, panelDomId, onActivate, onClose, onNew }: TabBarProps) {
  const focusTab = (id: string) => document.getElementById(tabDomId(id))?.focus();

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else if (event.key === 'Delete') {
      event.preventDefault();
      const tab = tabs[index];
      const neighbour = tabs[index + 1] ?? tabs[index - 1];
      if (tab) onClose(tab.id);
      if (neighbour) requestAnimationFrame(() => focusTab(neighbour.id));
      return;
    }
    const target = next === undefined ? undefined : tabs[next];
    if (!target) return;
    event.preventDefault();
    onActivate(target.id);
    focusTab(target.id);
  };

  return (
    <div className="tab-strip">
      <div role="tablist" aria-label="Open queries" className="tab-list">
        {tabs.map((tab, index) => {
          const selected = tab.id === activeId;
          return (
            <div key={tab.id} className={`tab${selected ? ' tab-active' : ''}`} role="presentation">
              <button
                id={tabDomId(tab.id)}
                role="tab"
                aria-selected={selected}
                aria-controls={panelDomId(tab.id)}
                tabIndex={selected ? 0 : -1}
                className="tab-label"
                title={tab.slug ? `${tab.title} (${tab.slug})` : tab.title}
                onClick={() => onActivate(tab.id)}
                onKeyDown={(event) => onKeyDown(event, index)}
              >
                {running.has(tab.id) && <span className="tab-running" aria-label="running" />}
                {tab.title}
              </button>
              <button
                className="tab-close"
                aria-label={`Close ${tab.title}`}
                title={withKey('Close tab', keys.closeTab)}
                tabIndex={selected ? 0 : -1}
                onClick={() => onClose(tab.id)}
              >
                <Icon name="close" size={12} />
              </button>
            </div>
          );
        })}
      </div>
      <button className="tab-new" aria-label="New query tab" title={withKey('New query tab', keys.newTab)} onClick={onNew}>
        <Icon name="plus" size={14} />
      </button>
    </div>
  );
}
