import { describe, expect, it } from 'vitest';
import { Rng, WeightedTable } from './rng.ts';
import { OUTCOMES, OutcomeDeck, planFunnel } from './funnel.ts';

describe('Rng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((rng) => () => rng.next())(new Rng(seed)));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws uniformly in [0, 1)', () => {
    const rng = new Rng(1);
    const buckets = new Array<number>(10).fill(0);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      buckets[Math.floor(x * 10)]! += 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('forks independent streams without advancing the parent', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const child = a.fork('roster');
    child.next();
    expect(a.next()).toBe(b.next());
    expect(new Rng(7).fork('roster').next()).not.toBe(new Rng(7).fork('rows').next());
  });

  it('weights choices and never picks a zero weight', () => {
    const rng = new Rng(3);
    const table = new WeightedTable(['a', 'never', 'b'], [1, 0, 3]);
    const counts: Record<string, number> = { a: 0, never: 0, b: 0 };
    for (let i = 0; i < 40_000; i++) counts[table.draw(rng)]! += 1;
    expect(counts.never).toBe(0);
    expect((counts.b ?? 0) / (counts.a ?? 1)).toBeGreaterThan(2.8);
    expect((counts.b ?? 0) / (counts.a ?? 1)).toBeLessThan(3.2);
  });
});

describe('funnel', () => {
  it('plans exactly the requested jobs, and a deck deals exactly the plan', () => {
    for (const jobs of [1, 7, 2_000, 123_457]) {
      const plan = planFunnel(jobs);
      expect(plan.oneJob + 2 * plan.twoJobs).toBe(jobs);
      expect(OUTCOMES.reduce((sum, o) => sum + plan[o], 0)).toBe(plan.leads);
      for (const o of OUTCOMES) expect(plan[o]).toBeGreaterThanOrEqual(0);
    }
    const plan = planFunnel(2_000);
    const deck = new OutcomeDeck(plan);
    const rng = new Rng(1);
    const dealt = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<string, number>;
    for (let i = 0; i < plan.leads; i++) dealt[deck.draw(rng)]! += 1;
    for (const o of OUTCOMES) expect(dealt[o]).toBe(plan[o]);
    expect(() => deck.draw(rng)).toThrow(/empty/);
  });
});
