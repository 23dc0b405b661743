// What a move costs and earns: revenue follows size, distance, crew and hours; costs stay below revenue.
import { FIRST_YEAR } from './calendar.ts';
import type { Route } from './geography.ts';
import { WeightedTable } from './rng.ts';
import type { Rng } from './rng.ts';

/** A move size as the CRM lists it, with the effort it takes. */
export interface MoveSize {
  readonly label: string;
  readonly crew: number;
  /** Loading plus unloading hours for the base crew. */
  readonly hours: number;
  /** Typical shipment weight for long-distance pricing. */
  readonly pounds: number;
  readonly packingMaterials: number;
}

const SIZES: readonly MoveSize[] = [
  { label: 'Studio', crew: 2, hours: 3, pounds: 2000, packingMaterials: 60 },
  { label: '1 Bedroom', crew: 2, hours: 4, pounds: 3000, packingMaterials: 90 },
  { label: '2 Bedroom', crew: 3, hours: 5, pounds: 5000, packingMaterials: 140 },
  { label: '3 Bedroom', crew: 3, hours: 7, pounds: 8000, packingMaterials: 200 },
  { label: '4 Bedroom', crew: 4, hours: 9, pounds: 11000, packingMaterials: 260 },
  { label: '5+ Bedroom', crew: 5, hours: 11, pounds: 14000, packingMaterials: 320 },
  { label: 'Office', crew: 4, hours: 8, pounds: 8000, packingMaterials: 240 },
  { label: 'Storage Unit', crew: 2, hours: 3.5, pounds: 3000, packingMaterials: 40 },
];
export const MOVE_SIZES = new WeightedTable(SIZES, [8, 20, 27, 21, 11, 4, 5, 4]);

/** Price and wage level by year, 2019 = 1. */
const INFLATION = [1.0, 1.02, 1.07, 1.16, 1.22, 1.26, 1.3] as const;
export function inflation(year: number): number {
  return INFLATION[Math.min(INFLATION.length - 1, Math.max(0, year - FIRST_YEAR))] ?? 1;
}

export const SERVICE_TYPES = ['Local Move', 'Long Distance Move', 'Commercial Move', 'Labor Only', 'Packing'] as const;

export function serviceTypeFor(size: MoveSize, route: Route, rng: Rng): string {
  if (size.label === 'Office') return 'Commercial Move';
  if (route.kind !== 'local') return 'Long Distance Move';
  return rng.chance(0.06) ? 'Labor Only' : 'Local Move';
}

/** The quote for a move: what the company expects to charge. */
export function estimateFor(size: MoveSize, route: Route, year: number, rng: Rng): number {
  const level = inflation(year);
  const base =
    route.kind === 'local'
      ? size.crew * (size.hours + route.miles / 25) * 55 + 120 + size.packingMaterials
      : size.pounds * (0.55 + 0.0006 * route.miles) + size.packingMaterials;
  return round2(base * level * rng.lognormal(0, 0.08));
}

/** The money and effort of a job that was carried out. */
export interface JobActuals {
  readonly crew: number;
  readonly hours: number;
  readonly revenue: number;
  readonly labor: number;
  readonly truck: number;
  readonly materials: number;
  readonly other: number;
}

/** Revenue lands near the estimate (usually a little above); costs are labour, truck, materials and extras. */
export function actualsFor(size: MoveSize, route: Route, estimate: number, year: number, packingOnly: boolean, rng: Rng): JobActuals {
  const level = inflation(year);
  const crew = packingOnly ? Math.max(2, size.crew - 1) : size.crew + (rng.chance(0.25) ? 1 : 0);
  const driveHours = route.kind === 'local' ? route.miles / 25 : route.miles / 50;
  const workHours = packingOnly ? size.hours * 0.8 : size.hours * (size.crew / crew);
  const hours = Math.max(2, Math.round((workHours + driveHours) * rng.lognormal(0, 0.2) * 4) / 4);
  const revenue = round2(packingOnly ? estimate * 0.35 * rng.lognormal(0, 0.1) : estimate * rng.lognormal(0.03, 0.12));
  const wage = 24 * level * 1.25; // hourly wage plus payroll burden
  // Long hauls pay one driver for the road, the crew only for loading and unloading.
  const crewHours = route.kind === 'local' || packingOnly ? crew * hours : crew * Math.max(workHours / 2, hours - driveHours) + driveHours;
  let labor = crewHours * wage * rng.lognormal(0, 0.1);
  let truck = packingOnly ? 0 : (hours * 18 + route.miles * (route.kind === 'local' ? 0.9 : 1.1)) * level * rng.lognormal(0, 0.1);
  let materials = size.packingMaterials * (packingOnly ? 1.5 : 0.45) * level * rng.uniform(0.5, 1.5);
  let other = rng.chance(0.07) ? rng.uniform(20, 400) * level : 0;
  const total = labor + truck + materials + other;
  const ceiling = revenue * rng.uniform(0.7, 0.93);
  if (total > ceiling) {
    const scale = ceiling / total;
    labor *= scale;
    truck *= scale;
    materials *= scale;
    other *= scale;
  }
  return { crew, hours, revenue, labor: round2(labor), truck: round2(truck), materials: round2(materials), other: round2(other) };
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
