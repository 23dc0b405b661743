// Branches, the cities around them and the routes a move takes: mostly local, some regional, some long distance.
import { dayNumber, FIRST_LEAD_DAY } from './calendar.ts';
import type { Day } from './calendar.ts';
import type { Rng } from './rng.ts';

export interface City {
  readonly name: string;
  readonly state: string;
  readonly lat: number;
  readonly lon: number;
}

/**
 * A real branch office.
 *
 * @example { id: 1, name: 'Denver', code: 'DEN', state: 'CO', opened: FIRST_LEAD_DAY, weight: 1.4, … }
 */
export interface Branch {
  readonly id: number;
  /** The canonical spelling, as the CRM's branch list shows it. */
  readonly name: string;
  readonly code: string;
  readonly state: string;
  readonly opened: Day;
  /** Relative share of the company's leads while open. */
  readonly weight: number;
  readonly areaCodes: readonly string[];
  /** The branch city first, then its suburbs. */
  readonly metro: readonly City[];
  /** Other spellings people and systems use for this branch (never shared between branches). */
  readonly variants: readonly string[];
}

const c = (name: string, state: string, lat: number, lon: number): City => ({ name, state, lat, lon });

export const BRANCHES: readonly Branch[] = [
  {
    id: 1, name: 'Denver', code: 'DEN', state: 'CO', opened: FIRST_LEAD_DAY, weight: 1.4, areaCodes: ['303', '720'],
    metro: [c('Denver', 'CO', 39.74, -104.99), c('Aurora', 'CO', 39.73, -104.83), c('Lakewood', 'CO', 39.7, -105.08),
      c('Littleton', 'CO', 39.61, -105.02), c('Arvada', 'CO', 39.8, -105.09), c('Westminster', 'CO', 39.84, -105.04),
      c('Thornton', 'CO', 39.87, -104.97), c('Englewood', 'CO', 39.65, -104.99), c('Centennial', 'CO', 39.58, -104.88),
      c('Parker', 'CO', 39.52, -104.76), c('Boulder', 'CO', 40.01, -105.27)],
    variants: ['denver', 'DENVER', 'Denver, CO', 'Denver CO', 'DEN', 'Denver Branch', 'Denver Metro'],
  },
  {
    id: 2, name: 'Colorado Springs', code: 'COS', state: 'CO', opened: dayNumber(2023, 3, 1), weight: 0.6, areaCodes: ['719'],
    metro: [c('Colorado Springs', 'CO', 38.83, -104.82), c('Fountain', 'CO', 38.68, -104.7), c('Monument', 'CO', 39.09, -104.87),
      c('Manitou Springs', 'CO', 38.86, -104.92), c('Woodland Park', 'CO', 38.99, -105.06)],
    variants: ['colorado springs', 'Colorado Spgs', 'Colo Springs', 'COS', 'Colorado Springs, CO', 'CO Springs'],
  },
  {
    id: 3, name: 'Phoenix', code: 'PHX', state: 'AZ', opened: FIRST_LEAD_DAY, weight: 1.2, areaCodes: ['602', '480', '623'],
    metro: [c('Phoenix', 'AZ', 33.45, -112.07), c('Scottsdale', 'AZ', 33.49, -111.93), c('Tempe', 'AZ', 33.43, -111.94),
      c('Mesa', 'AZ', 33.42, -111.83), c('Chandler', 'AZ', 33.31, -111.84), c('Gilbert', 'AZ', 33.35, -111.79),
      c('Glendale', 'AZ', 33.54, -112.19), c('Peoria', 'AZ', 33.58, -112.24)],
    variants: ['phoenix', 'PHOENIX', 'Phoenix, AZ', 'PHX', 'Phoenix Branch', 'Phoenix Metro'],
  },
  {
    id: 4, name: 'Austin', code: 'AUS', state: 'TX', opened: FIRST_LEAD_DAY, weight: 1.0, areaCodes: ['512', '737'],
    metro: [c('Austin', 'TX', 30.27, -97.74), c('Round Rock', 'TX', 30.51, -97.68), c('Cedar Park', 'TX', 30.51, -97.82),
      c('Pflugerville', 'TX', 30.44, -97.62), c('Georgetown', 'TX', 30.63, -97.68), c('San Marcos', 'TX', 29.88, -97.94),
      c('Kyle', 'TX', 29.99, -97.88)],
    variants: ['austin', 'AUSTIN', 'Austin, TX', 'AUS', 'Austin TX', 'Austin Branch'],
  },
  {
    id: 5, name: 'Dallas', code: 'DFW', state: 'TX', opened: FIRST_LEAD_DAY, weight: 1.3, areaCodes: ['214', '469', '972'],
    metro: [c('Dallas', 'TX', 32.78, -96.8), c('Plano', 'TX', 33.02, -96.7), c('Irving', 'TX', 32.81, -96.95),
      c('Garland', 'TX', 32.91, -96.64), c('Frisco', 'TX', 33.15, -96.82), c('McKinney', 'TX', 33.2, -96.62),
      c('Richardson', 'TX', 32.95, -96.73), c('Arlington', 'TX', 32.74, -97.11)],
    variants: ['dallas', 'DALLAS', 'Dallas, TX', 'DFW', 'Dallas/Fort Worth', 'Dallas - Fort Worth', 'Dallas Branch'],
  },
  {
    id: 6, name: 'Atlanta', code: 'ATL', state: 'GA', opened: FIRST_LEAD_DAY, weight: 1.1, areaCodes: ['404', '678', '770'],
    metro: [c('Atlanta', 'GA', 33.75, -84.39), c('Marietta', 'GA', 33.95, -84.55), c('Decatur', 'GA', 33.77, -84.3),
      c('Sandy Springs', 'GA', 33.92, -84.38), c('Alpharetta', 'GA', 34.08, -84.29), c('Roswell', 'GA', 34.02, -84.36),
      c('Smyrna', 'GA', 33.88, -84.51)],
    variants: ['atlanta', 'ATLANTA', 'Atlanta, GA', 'ATL', 'Atlanta Metro', 'Atlanta Branch'],
  },
  {
    id: 7, name: 'Charlotte', code: 'CLT', state: 'NC', opened: FIRST_LEAD_DAY, weight: 0.8, areaCodes: ['704', '980'],
    metro: [c('Charlotte', 'NC', 35.23, -80.84), c('Concord', 'NC', 35.41, -80.58), c('Gastonia', 'NC', 35.26, -81.19),
      c('Huntersville', 'NC', 35.41, -80.84), c('Matthews', 'NC', 35.12, -80.72), c('Mooresville', 'NC', 35.58, -80.81)],
    variants: ['charlotte', 'CHARLOTTE', 'Charlotte, NC', 'CLT', 'Charlotte NC', 'Charlotte Branch'],
  },
  {
    id: 8, name: 'Nashville', code: 'BNA', state: 'TN', opened: dayNumber(2021, 4, 1), weight: 0.75, areaCodes: ['615', '629'],
    metro: [c('Nashville', 'TN', 36.16, -86.78), c('Franklin', 'TN', 35.93, -86.87), c('Brentwood', 'TN', 36.03, -86.78),
      c('Murfreesboro', 'TN', 35.85, -86.39), c('Hendersonville', 'TN', 36.3, -86.62), c('Smyrna', 'TN', 35.98, -86.52)],
    variants: ['nashville', 'NASHVILLE', 'Nashville, TN', 'BNA', 'Nashville TN', 'Music City', 'Nashville Branch'],
  },
];

/** Cities outside the branch metros that moves go to (or come from). */
const OTHER_CITIES: readonly City[] = [
  c('Seattle', 'WA', 47.61, -122.33), c('Portland', 'OR', 45.52, -122.68), c('San Francisco', 'CA', 37.77, -122.42),
  c('Los Angeles', 'CA', 34.05, -118.24), c('San Diego', 'CA', 32.72, -117.16), c('Las Vegas', 'NV', 36.17, -115.14),
  c('Salt Lake City', 'UT', 40.76, -111.89), c('Albuquerque', 'NM', 35.08, -106.65), c('Tucson', 'AZ', 32.22, -110.97),
  c('Flagstaff', 'AZ', 35.2, -111.65), c('El Paso', 'TX', 31.76, -106.49), c('Houston', 'TX', 29.76, -95.37),
  c('San Antonio', 'TX', 29.42, -98.49), c('Oklahoma City', 'OK', 35.47, -97.52), c('Kansas City', 'MO', 39.1, -94.58),
  c('Omaha', 'NE', 41.26, -95.93), c('Minneapolis', 'MN', 44.98, -93.27), c('Chicago', 'IL', 41.88, -87.63),
  c('St. Louis', 'MO', 38.63, -90.2), c('Indianapolis', 'IN', 39.77, -86.16), c('Detroit', 'MI', 42.33, -83.05),
  c('Columbus', 'OH', 39.96, -83.0), c('Louisville', 'KY', 38.25, -85.76), c('Memphis', 'TN', 35.15, -90.05),
  c('Knoxville', 'TN', 35.96, -83.92), c('Chattanooga', 'TN', 35.05, -85.31), c('Birmingham', 'AL', 33.52, -86.8),
  c('New Orleans', 'LA', 29.95, -90.07), c('Savannah', 'GA', 32.08, -81.09), c('Jacksonville', 'FL', 30.33, -81.66),
  c('Orlando', 'FL', 28.54, -81.38), c('Tampa', 'FL', 27.95, -82.46), c('Miami', 'FL', 25.76, -80.19),
  c('Raleigh', 'NC', 35.78, -78.64), c('Greenville', 'SC', 34.85, -82.4), c('Columbia', 'SC', 34.0, -81.03),
  c('Richmond', 'VA', 37.54, -77.44), c('Washington', 'DC', 38.91, -77.04), c('Philadelphia', 'PA', 39.95, -75.17),
  c('New York', 'NY', 40.71, -74.01), c('Boston', 'MA', 42.36, -71.06), c('Pittsburgh', 'PA', 40.44, -80.0),
  c('Boise', 'ID', 43.62, -116.2), c('Fort Collins', 'CO', 40.59, -105.08), c('Pueblo', 'CO', 38.25, -104.61),
  c('Grand Junction', 'CO', 39.06, -108.55), c('Cheyenne', 'WY', 41.14, -104.82), c('Lubbock', 'TX', 33.58, -101.86),
  c('Waco', 'TX', 31.55, -97.15), c('Shreveport', 'LA', 32.53, -93.75), c('Asheville', 'NC', 35.6, -82.55),
  c('Wilmington', 'NC', 34.23, -77.94), c('Augusta', 'GA', 33.47, -81.97), c('Macon', 'GA', 32.84, -83.63),
];

/** Great-circle distance in miles. */
export function airMiles(a: City, b: City): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 3958.8 * 2 * Math.asin(Math.sqrt(h));
}

export type RouteKind = 'local' | 'regional' | 'long';

/** Where a move goes; `miles` is driving distance (air miles times a road factor). */
export interface Route {
  readonly kind: RouteKind;
  readonly origin: City;
  readonly destination: City;
  readonly miles: number;
}

/** Share of routes by kind; long-distance moves are partly inbound (origin far away, destination local). */
export const ROUTE_KIND_SHARE = { local: 0.78, regional: 0.1, long: 0.12 } as const;
export const INBOUND_LONG_SHARE = 0.15;
const REGIONAL_MAX_MILES = 450;
const ROAD_FACTOR = 1.2;

interface BranchRoutes {
  readonly regional: readonly City[];
  readonly long: readonly City[];
}

const routesByBranch: readonly BranchRoutes[] = BRANCHES.map((branch) => {
  const home = branch.metro[0] as City;
  const outside = [
    ...OTHER_CITIES,
    ...BRANCHES.filter((b) => b.id !== branch.id).map((b) => b.metro[0] as City),
  ];
  return {
    regional: outside.filter((city) => airMiles(home, city) * ROAD_FACTOR <= REGIONAL_MAX_MILES),
    long: outside.filter((city) => airMiles(home, city) * ROAD_FACTOR > REGIONAL_MAX_MILES),
  };
});

function metroCity(rng: Rng, branch: Branch): City {
  // The branch city itself is about as large as all its suburbs together.
  return rng.chance(0.45) ? (branch.metro[0] as City) : rng.pick(branch.metro);
}

export function sampleRoute(rng: Rng, branch: Branch): Route {
  const origin = metroCity(rng, branch);
  const roll = rng.next();
  const routes = routesByBranch[branch.id - 1] as BranchRoutes;
  if (roll < ROUTE_KIND_SHARE.local || routes.regional.length === 0) {
    const destination = rng.chance(0.45) ? origin : metroCity(rng, branch);
    const miles = destination === origin ? rng.uniform(2, 14) : airMiles(origin, destination) * 1.3 + rng.uniform(1, 5);
    return { kind: 'local', origin, destination, miles };
  }
  const kind: RouteKind = roll < ROUTE_KIND_SHARE.local + ROUTE_KIND_SHARE.regional ? 'regional' : 'long';
  const far = rng.pick(kind === 'regional' ? routes.regional : routes.long);
  const miles = airMiles(origin, far) * ROAD_FACTOR * rng.uniform(1.0, 1.08);
  return kind === 'long' && rng.chance(INBOUND_LONG_SHARE)
    ? { kind, origin: far, destination: origin, miles }
    : { kind, origin, destination: far, miles };
}

export function branchesOpenOn(day: Day): readonly Branch[] {
  return BRANCHES.filter((b) => b.opened <= day);
}
