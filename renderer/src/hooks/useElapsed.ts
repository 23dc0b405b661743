import { useEffect, useState } from 'react';

/** Milliseconds since `startedAt` (a performance.now() time), ticking while `live`. */
export function useElapsed(startedAt: number, live: boolean, everyMs = 100): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!live) return;
    setNow(performance.now());
    const timer = setInterval(() => setNow(performance.now()), everyMs);
    return () => clearInterval(timer);
  }, [live, everyMs]);
  return Math.max(0, now - startedAt);
}
