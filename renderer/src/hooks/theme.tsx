import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

export type ThemeName = 'light' | 'dark';

const storageKey = 'workbench.theme';
const darkQuery = '(prefers-color-scheme: dark)';

function storedTheme(): ThemeName | null {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // storage can be disabled; the system preference still applies
  }
}

const systemTheme = (): ThemeName => (window.matchMedia(darkQuery).matches ? 'dark' : 'light');

interface ThemeContextValue {
  theme: ThemeName;
  toggle(): void;
}

const ThemeContext = createContext<ThemeContextValue | null>(null);

/**
 * Light or dark: the user's last choice (localStorage), else the system's, followed live until the
 * user chooses. Sets `data-theme` on <html>, which the CSS, and through it the grid and chart, read.
 */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<ThemeName | null>(storedTheme);
  const [system, setSystem] = useState<ThemeName>(systemTheme);
  const theme = chosen ?? system;

  useEffect(() => {
    const media = window.matchMedia(darkQuery);
    const onChange = () => setSystem(media.matches ? 'dark' : 'light');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);

  const toggle = useCallback(() => {
    const next: ThemeName = theme === 'dark' ? 'light' : 'dark';
    setChosen(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // not remembered; the choice still holds for this session
    }
  }, [theme]);

  const value = useMemo(() => ({ theme, toggle }), [theme, toggle]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeContextValue {
  const value = useContext(ThemeContext);
  if (!value) throw new Error('useTheme outside <ThemeProvider>');
  return value;
}
