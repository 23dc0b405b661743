import type { ReactNode } from 'react';
import { Icon } from '../components/Icon.tsx';
import type { IconName } from '../components/Icon.tsx';

export type Screen = 'library' | 'pipeline';

/** `panel`: the screen lives in the side panel (it folds away); else it fills the workspace. */
const screens: { id: Screen; label: string; icon: IconName; panel: boolean }[] = [
  { id: 'library', label: 'Library', icon: 'library', panel: true },
  { id: 'pipeline', label: 'Pipelines', icon: 'pipeline', panel: false },
];

interface SidebarProps {
  screen: Screen;
  open: boolean;
  onSelect(screen: Screen): void;
  children: ReactNode;
}

/**
 * The left side: a narrow bar of screens (Library, Pipelines; Review joins it later) and the selected
 * screen's panel. Selecting the shown screen again folds the panel away.
 */
export function Sidebar({ screen, open, onSelect, children }: SidebarProps) {
  return (
    <aside className="sidebar">
      <nav className="activity-bar" aria-label="Screens">
        {screens.map((s) => (
          <button
            key={s.id}
            className={`activity${s.id === screen ? ' activity-current' : ''}`}
            aria-current={s.id === screen ? 'page' : undefined}
            aria-expanded={s.id === screen && s.panel ? open : undefined}
            aria-label={s.label}
            title={!s.panel ? s.label : s.id === screen && open ? `Hide ${s.label}` : `Show ${s.label}`}
            onClick={() => onSelect(s.id)}
          >
            <Icon name={s.icon} size={20} />
          </button>
        ))}
      </nav>
      {open && <div className="sidebar-panel">{children}</div>}
    </aside>
  );
}
