import { memo, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { LibraryQuery } from '../../../shared/contract/index.ts';
import { Icon } from '../components/Icon.tsx';
import { useLibrary } from '../hooks/useLibrary.ts';
import type { PersonalListsState } from '../hooks/usePersonalLists.ts';
import { keys, withKey } from '../lib/platform.ts';
import { groupLibrary } from './libraryGroups.ts';

interface LibraryPanelProps {
  /** Opens a query in a tab; resolves with an error message when it could not. */
  onOpen(query: LibraryQuery): Promise<string | null>;
  filterRef: RefObject<HTMLInputElement | null>;
  personal: PersonalListsState;
}

/**
 * Up and Down move between the panel's rows, like a tree; Right moves from a query to its favourite
 * star and Left back.
 */
function onListKey(event: KeyboardEvent<HTMLElement>) {
  const active = document.activeElement as HTMLElement | null;
  if (event.key === 'ArrowRight' && active?.dataset.nav !== undefined) {
    const star = active.parentElement?.querySelector<HTMLElement>('.library-star');
    if (star) {
      event.preventDefault();
      star.focus();
    }
    return;
  }
  if (event.key === 'ArrowLeft' && active?.classList.contains('library-star')) {
    event.preventDefault();
    active.parentElement?.querySelector<HTMLElement>('[data-nav]')?.focus();
    return;
  }
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-nav]'));
  const current = active?.classList.contains('library-star') ? active.parentElement?.querySelector<HTMLElement>('[data-nav]') : active;
  const index = items.indexOf(current as HTMLElement);
  const next = items[event.key === 'ArrowDown' ? index + 1 : index - 1];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/**
 * The query library: Favourites, Recent, then each category; a search over names, descriptions, tags
 * and SQL; a click or Enter opens a query in a tab, the star keeps it among the favourites.
 */
export const LibraryPanel = memo(function LibraryPanel({ onOpen, filterRef, personal }: LibraryPanelProps) {
  const [library, reload] = useLibrary();
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [opening, setOpening] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const { favourites, recent, toggleFavourite } = personal;

  const groups = useMemo(
    () => (library.status === 'ready' ? groupLibrary(library.value.queries, filter, { favourites, recent }) : []),
    [library, filter, favourites, recent],
  );
  const filtering = filter.trim() !== '';
  const problems = library.status === 'ready' ? library.value.problems : [];

  const toggle = (group: string) =>
    setCollapsed((old) => {
      const next = new Set(old);
      if (next.has(group)) next.delete(group);
      else next.add(group);
      return next;
    });

  const open = async (query: LibraryQuery) => {
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
          placeholder="Search names, tags, SQL"
          aria-label="Search queries"
          title={withKey('Search the library: names, descriptions, tags and SQL', keys.filterLibrary)}
          aria-controls={`${id}-list`}
          spellCheck={false}
        />
      </div>
      <div className="library-list" id={`${id}-list`} ref={listRef} onKeyDown={onListKey}>
        {library.status === 'loading' && <p className="panel-note">Loading…</p>}
        {library.status === 'failed' && (
          <div className="panel-note panel-error" role="alert">
            <p>The library did not load: {library.error.message}</p>
            <button className="button" onClick={reload}>
              Retry
            </button>
          </div>
        )}
        {library.status === 'ready' && groups.length === 0 && <p className="panel-note">{filtering ? 'No query matches the search.' : 'The library is empty.'}</p>}
        {openError && (
          <p className="panel-note panel-error" role="alert">
            {openError}
          </p>
        )}
        {personal.error && (
          <p className="panel-note panel-error" role="alert">
            {personal.error}
          </p>
        )}
        {groups.map((group) => {
          const expanded = !collapsed.has(group.id);
          const listId = `${id}-${group.id}`;
          const personalGroup = group.id === 'favourites' || group.id === 'recent';
          return (
            <div key={group.id} className={`library-group${personalGroup ? ' library-group-personal' : ''}`}>
              <button className="library-group-toggle" data-nav aria-expanded={expanded} aria-controls={listId} onClick={() => toggle(group.id)}>
                <Icon name={expanded ? 'chevronDown' : 'chevronRight'} size={12} />
                <span className="library-group-name">{group.title}</span>
                <span className="library-count">{group.queries.length}</span>
              </button>
              {expanded && (
                <ul id={listId} className="library-items" aria-label={group.title}>
                  {group.queries.map((query) => {
                    const isFavourite = favourites.includes(query.slug);
                    return (
                      <li key={query.slug} className="library-row">
                        <button className="library-item" data-nav onClick={() => void open(query)} aria-busy={opening === query.slug} title={query.description || query.name}>
                          <span className="library-item-name">{query.name}</span>
                          {query.description && <span className="library-item-description">{query.description}</span>}
                        </button>
                        <button
                          className={`library-star${isFavourite ? ' favourite-on' : ''}`}
                          tabIndex={-1}
                          aria-pressed={isFavourite}
                          aria-label={`${query.name}: favourite`}
                          title={isFavourite ? 'Remove from favourites (→ from the query, then Enter)' : 'Add to favourites (→ from the query, then Enter)'}
                          onClick={() => toggleFavourite(query.slug)}
                        >
                          <Icon name="star" size={13} filled={isFavourite} />
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          );
        })}
        {problems.length > 0 && (
          <details className="library-problems">
            <summary>
              <Icon name="alert" size={12} />
              <span>{problems.length === 1 ? '1 library file did not load' : `${problems.length} library files did not load`}</span>
            </summary>
            <ul>
              {problems.map((p) => (
                <li key={p.file}>{p.message}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </div>
  );
});
