// How many leads, quotes, opportunities and jobs a sample of N jobs has, and the fate of each lead.
import type { Rng } from './rng.ts';

/** About 3.5 leads per booked opportunity. */
export const LEADS_PER_OPPORTUNITY = 3.5;
/** Shares of all leads, apart from the booked ones. */
export const BAD_LEAD_SHARE = 0.09;
export const QUOTED_OPEN_SHARE = 0.1;
export const LOST_LEAD_SHARE = 0.29;
/** Share of booked opportunities that get at least one job. */
export const OPPORTUNITY_JOB_RATE = 0.88;
/** Share of opportunities with jobs that have two: a packing day before the move. */
export const TWO_JOB_RATE = 0.04;
/** Share of opportunities without a job that end lost (and appear in lost_leads); the rest are cancelled. */
export const NO_JOB_LOST_SHARE = 0.4;

/** What finally happened to a lead. */
export type Outcome = 'bad' | 'open' | 'quoted' | 'lost' | 'oneJob' | 'twoJobs' | 'noJob';
export const OUTCOMES: readonly Outcome[] = ['bad', 'open', 'quoted', 'lost', 'oneJob', 'twoJobs', 'noJob'];

/**
 * Exact counts per outcome for a sample of `jobs` jobs.
 *
 * @example planFunnel(20_000) // { leads: 76_486, opportunities: 21_853, jobs: 20_000, oneJob: 18_462, twoJobs: 769, noJob: 2_622, … }
 */
export type FunnelPlan = Record<Outcome, number> & { readonly leads: number; readonly opportunities: number; readonly jobs: number };

export function planFunnel(jobs: number): FunnelPlan {
  const withJobs = Math.round(jobs / (1 + TWO_JOB_RATE));
  const twoJobs = jobs - withJobs;
  const opportunities = Math.max(withJobs, Math.round(withJobs / OPPORTUNITY_JOB_RATE));
  const leads = Math.round(opportunities * LEADS_PER_OPPORTUNITY);
  const bad = Math.round(leads * BAD_LEAD_SHARE);
  const quoted = Math.round(leads * QUOTED_OPEN_SHARE);
  const lost = Math.round(leads * LOST_LEAD_SHARE);
  return {
    leads,
    opportunities,
    jobs,
    bad,
    quoted,
    lost,
    open: leads - opportunities - bad - quoted - lost,
    oneJob: withJobs - twoJobs,
    twoJobs,
    noJob: opportunities - withJobs,
  };
}

/**
 * Deals outcomes like cards from a shuffled deck: each draw is random, yet the totals match the plan exactly.
 *
 * @example
 * const deck = new OutcomeDeck(planFunnel(2_000));
 * deck.draw(rng); // 'lost'
 */
export class OutcomeDeck {
  private readonly left: number[];
  private total: number;

  constructor(plan: FunnelPlan) {
    this.left = OUTCOMES.map((o) => plan[o]);
    this.total = this.left.reduce((a, b) => a + b, 0);
  }

  draw(rng: Rng): Outcome {
    if (this.total <= 0) throw new Error('OutcomeDeck is empty');
    let target = Math.floor(rng.next() * this.total);
    for (let i = 0; i < this.left.length; i++) {
      const count = this.left[i] as number;
      if (target < count) {
        this.left[i] = count - 1;
        this.total--;
        return OUTCOMES[i] as Outcome;
      }
      target -= count;
    }
    throw new Error('OutcomeDeck counts are inconsistent');
  }
}
