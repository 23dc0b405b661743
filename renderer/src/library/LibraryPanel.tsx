import { memo, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { LibraryQuerySummary } from '../../../shared/contract/index.ts';
import { Icon } from '../components/Icon.tsx';
import { useLibrary } from '../hooks/useLibrary.ts';
import { keys, withKey } from '../lib/platform.ts';
import { groupLibrary } from './libraryGroups.ts';

interface LibraryPanelProps {
  /** Opens a query in a tab; resolves with an error message when it could not. */
  onOpen(query: LibraryQuerySummary): Promise<string | null>;
  filterRef: RefObject<HTMLInputElement | null>;
}

/** Up and Down move between the panel's buttons, like a tree. */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const container = event.currentTarget;
  const items = Array.from(container.querySelectorAll<HTMLElement>('[data-nav]'));
  const index = items.indexOf(document.activeElement as HTMLElement);
  const next = items[event.key === 'ArrowDown' ? index + 1 : index - 1];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** The query library by category, with a filter; a click or Enter opens a query in a tab. */
export const LibraryPanel = memo(function LibraryPanel({ onOpen, filterRef }: LibraryPanelProps) {
  const [library, reload] = useLibrary();
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [opening, setOpening] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const id = useId();

  const groups = useMemo(() => (library.status === 'ready' ? groupLibrary(library.value, filter) : []), [library, filter]);
  const filtering = filter.trim() !== '';

  const toggle = (category: string) =>
    setCollapsed((old) => {
      const next = new Set(old);
      if (next.has(category)) next.delete(category);
      else next.add(category);
      return next;
    });

  const open = async (query: LibraryQuerySummary) => {
    setOpening(query.slug);
    setOpenError(null);
    const error = await onOpen(query);
    setOpening(null);
    setOpenError(error);
  };

  const onFilterKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && filter) {
      event.preventDefault();
      setFilter('');
      setCollapsed(new Set());
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      listRef.current?.querySelector<HTMLElement>('[data-nav]')?.focus();
    }
  };

  return (
    <div className="library">
      <div className="panel-head">
        <h2 className="panel-title">Query library</h2>
      </div>
      <div className="library-filter">
        <Icon name="search" size={14} />
        <input
          ref={filterRef}
          type="search"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setCollapsed(new Set()); // a new filter shows every matching group
          }}
          onKeyDown={onFilterKey}
          placeholder="Filter queries"
          aria-label="Filter queries"
          title={withKey('Filter queries', keys.filterLibrary)}
          aria-controls={`${id}-list`}
          spellCheck={false}
        />
      </div>
      <div className="library-list" id={`${id}-list`} ref={listRef} onKeyDown={moveFocus}>
        {library.status === 'loading' && <p className="panel-note">Loading…</p>}
        {library.status === 'failed' && (
          <div className="panel-note panel-error" role="alert">
            <p>The library did not load: {library.error.message}</p>
            <button className="button" onClick={reload}>
              Retry
            </button>
          </div>
        )}
        {library.status === 'ready' && groups.length === 0 && <p className="panel-note">{filtering ? 'No query matches the filter.' : 'The library is empty.'}</p>}
        {openError && (
          <p className="panel-note panel-error" role="alert">
            {openError}
          </p>
        )}
        {groups.map((group) => {
          const expanded = !collapsed.has(group.category);
          const listId = `${id}-${group.category}`;
          return (
            <div key={group.category} className="library-group">
              <button className="library-group-toggle" data-nav aria-expanded={expanded} aria-controls={listId} onClick={() => toggle(group.category)}>
                <Icon name={expanded ? 'chevronDown' : 'chevronRight'} size={12} />
                <span className="library-group-name">{group.category}</span>
                <span className="library-count">{group.queries.length}</span>
              </button>
              {expanded && (
                <ul id={listId} className="library-items" aria-label={group.category}>
                  {group.queries.map((query) => (
                    <li key={query.slug}>
                      <button className="library-item" data-nav onClick={() => void open(query)} aria-busy={opening === query.slug} title={query.description || query.name}>
                        <span className="library-item-name">{query.name}</span>
                        {query.description && <span className="library-item-description">{query.description}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});
