import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';

interface SplitterProps {
  /** The first pane's share of the container, 0–1. */
  value: number;
  onChange(value: number): void;
  min?: number;
  max?: number;
  label: string;
}

/** A horizontal divider between two stacked panes: drag it, or focus it and use the arrow keys. */
export function Splitter({ value, onChange, min = 0.15, max = 0.85, label }: SplitterProps) {
  const dragging = useRef(false);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const box = event.currentTarget.parentElement?.getBoundingClientRect();
    if (box && box.height > 0) onChange(clamp((event.clientY - box.top) / box.height));
  };
  const onPointerUp = () => {
    dragging.current = false;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 0.1 : 0.03;
    if (event.key === 'ArrowUp') onChange(clamp(value - step));
    else if (event.key === 'ArrowDown') onChange(clamp(value + step));
    else if (event.key === 'Home') onChange(min);
    else if (event.key === 'End') onChange(max);
    else return;
    event.preventDefault();
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      aria-valuenow={Math.round(value * 100)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
