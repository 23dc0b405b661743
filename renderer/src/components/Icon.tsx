/** Small line icons drawn inline (no icon font, nothing fetched). Decorative: labels live on the controls. */
const paths = {
  play: 'M5 3.5v9l7.5-4.5z',
  stop: 'M4.5 4.5h7v7h-7z',
  plus: 'M8 3v10M3 8h10',
  close: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
  chevronRight: 'M6 4l4 4-4 4',
  chevronDown: 'M4 6l4 4 4-4',
  library: 'M3 2.5h3v11H3zM7 2.5h3v11H7zM11 3l2.6-.6 2 10.7-2.6.5z',
  database: 'M3 4c0-1.1 2.2-2 5-2s5 .9 5 2v8c0 1.1-2.2 2-5 2s-5-.9-5-2zM3 4c0 1.1 2.2 2 5 2s5-.9 5-2M3 8c0 1.1 2.2 2 5 2s5-.9 5-2',
  sun: 'M8 5.2a2.8 2.8 0 1 0 0 5.6 2.8 2.8 0 0 0 0-5.6zM8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1',
  moon: 'M13 9.5A5.5 5.5 0 0 1 6.5 3a5.5 5.5 0 1 0 6.5 6.5z',
  download: 'M8 2.5v8M4.5 7L8 10.5 11.5 7M3 13.5h10',
  grid: 'M2.5 3h11v10h-11zM2.5 6.3h11M2.5 9.7h11M6.2 3v10',
  chart: 'M2.5 13.5h11M4 11V8M7 11V4.5M10 11V6.5M13 11V3',
  search: 'M7 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM10 10l3.5 3.5',
  alert: 'M8 2l6.5 11.5h-13zM8 6.5v3.2M8 11.4v.3',
  star: 'M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z',
  split: 'M2.5 3h11v10h-11zM2.5 8h11M4.5 6.5l2-1.5 2 1 2.5-2M4.5 10h7M4.5 11.7h7',
  reset: 'M3.5 8a4.5 4.5 0 1 0 1.4-3.3M3.5 2.5v2.5H6',
  pipeline: 'M2 2.5h5V6H2zM9 10h5v3.5H9zM4.5 6v5.75H9M7 9.75l2 2-2 2',
} as const;

export type IconName = keyof typeof paths;

/** `filled` paints the shape (a set favourite's star); play and stop are always filled. */
export function Icon({ name, size = 16, filled: fill = false }: { name: IconName; size?: number; filled?: boolean }) {
  const filled = fill || name === 'play' || name === 'stop';
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={filled && !fill ? 0 : 1.3} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
