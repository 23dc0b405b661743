import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { WorkbenchClient } from '../transport/types.ts';

const ClientContext = createContext<WorkbenchClient | null>(null);

/** Hands the one client, picked at start-up, to every component; none of them knows its transport. */
export function ClientProvider({ client, children }: { client: WorkbenchClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): WorkbenchClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside <ClientProvider>');
  return client;
}
