import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ClientProvider } from './hooks/client.tsx';
import { ThemeProvider } from './hooks/theme.tsx';
import { connectClient } from './transport/select.ts';
import type { WorkbenchClient } from './transport/types.ts';
import './styles/theme.css';
import './styles/app.css';
import './styles/library.css';
import './styles/query.css';
import './styles/pipeline.css';

const container = document.getElementById('root');
if (!container) throw new Error('the page has no #root element');

function start(root: HTMLElement) {
  let client: WorkbenchClient;
  try {
    client = connectClient(window);
  } catch (error) {
    // Opened without the desktop bridge and without `workbench serve`: say so instead of a blank page.
    root.textContent = `The workbench cannot start here: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  createRoot(root).render(
    <StrictMode>
      <ClientProvider client={client}>
        <ThemeProvider>
          <App />
        </ThemeProvider>
      </ClientProvider>
    </StrictMode>,
  );
}

start(container);
