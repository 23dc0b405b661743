import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from './client.tsx';

/** How many recently run queries the Recent group keeps. */
const recentLimit = 8;

export interface PersonalListsState {
  favourites: readonly string[];
  recent: readonly string[];
  /** A message when saving a favourite failed; null otherwise. */
  error: string | null;
  toggleFavourite(slug: string): void;
  /** Moves a query that just ran to the top of Recent. */
  noteRun(slug: string): void;
}

/**
 * The user's favourite and recently run library queries, kept in the core's workspace store
 * (`library/favourites`, `library/setFavourite`). Toggling shows at once and is undone if saving fails.
 */
export function usePersonalLists(): PersonalListsState {
  const client = useClient();
  const [favourites, setFavourites] = useState<readonly string[]>([]);
  const [recent, setRecent] = useState<readonly string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const current = useRef(favourites);
  current.current = favourites;

  useEffect(() => {
    let live = true;
    client.call('library/favourites', {}).then(
      (result) => {
        if (!live) return;
        if (result.ok) {
          setFavourites(result.value.favourites);
          setRecent(result.value.recent);
        } else setError(`Favourites did not load: ${result.error.message}`);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const toggleFavourite = useCallback(
    (slug: string) => {
      const on = !current.current.includes(slug);
      setFavourites((old) => (on ? [...old.filter((s) => s !== slug), slug] : old.filter((s) => s !== slug)));
      setError(null);
      void client.call('library/setFavourite', { slug, favourite: on }).then((result) => {
        if (result.ok) setFavourites(result.value.favourites);
        else {
          setError(`The favourite was not saved: ${result.error.message}`);
          setFavourites((old) => (on ? old.filter((s) => s !== slug) : [...old, slug]));
        }
      });
    },
    [client],
  );

  const noteRun = useCallback((slug: string) => setRecent((old) => [slug, ...old.filter((s) => s !== slug)].slice(0, recentLimit)), []);

  return useMemo(() => ({ favourites, recent, error, toggleFavourite, noteRun }), [favourites, recent, error, toggleFavourite, noteRun]);
}
