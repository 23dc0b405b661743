// The long tail of lead sources a moving company sees, each with the spellings its systems use.
import { dayNumber } from './calendar.ts';
import type { Day } from './calendar.ts';

/**
 * A true lead source.
 *
 * @example { id: 1, name: 'Google Ads', channel: 'paid_search', weight: 22, variants: ['google ads', 'GoogleAds', …] }
 */
export interface LeadSource {
  readonly id: number;
  readonly name: string;
  readonly channel: string;
  /** Relative share of new leads while active. */
  readonly weight: number;
  readonly variants: readonly string[];
  readonly from?: Day;
  readonly until?: Day;
}

type SourceRow = [name: string, channel: string, weight: number, variants: string[], from?: Day, until?: Day];

const ROWS: readonly SourceRow[] = [
  ['Google Ads', 'paid_search', 22, ['google ads', 'GoogleAds', 'Google Adwords', 'Google PPC', 'GOOGLE ADS', 'Google Ads ']],
  ['Referral', 'referral', 12, ['referral', 'Friend Referral', 'Word of Mouth', 'Referral - Friend/Family', 'REFERRAL']],
  ['Yelp', 'directory', 9, ['yelp', 'Yelp.com', 'YELP', 'Yelp Ads']],
  ['Website', 'organic', 8, ['website', 'Web Form', 'Company Website', 'Online Form', 'Web']],
  ['Google Organic', 'organic', 7, ['google organic', 'Google Search', 'Organic Search', 'Google - Organic']],
  ['Google Business Profile', 'organic', 5, ['Google My Business', 'GMB', 'Google Maps', 'google business profile']],
  ['Angi', 'marketplace', 5, ["Angie's List", 'Angies List', 'angi', 'Angi Leads', 'ANGI']],
  ['HomeAdvisor', 'marketplace', 4, ['Home Advisor', 'homeadvisor', 'HomeAdvisor.com', 'HOME ADVISOR']],
  ['Thumbtack', 'marketplace', 4, ['thumbtack', 'Thumb Tack', 'ThumbTack', 'Thumbtack.com']],
  ['Facebook', 'social', 4, ['Facebook Ads', 'FB', 'facebook', 'Meta Ads', 'FaceBook']],
  ['Repeat Customer', 'repeat', 3, ['Repeat', 'Returning Customer', 'repeat customer', 'Past Customer', 'REPEAT']],
  ['Realtor Referral', 'referral', 3, ['Realtor', 'Real Estate Agent', 'Agent Referral', 'realtor referral']],
  ['Bing Ads', 'paid_search', 2, ['Bing', 'Microsoft Ads', 'bing ads', 'BingAds']],
  ['Nextdoor', 'social', 1.5, ['Next Door', 'nextdoor', 'NextDoor.com'], dayNumber(2020, 3, 1)],
  ['Moving.com', 'marketplace', 1.5, ['moving.com', 'Movingcom', 'Moving dot com']],
  ['Other', 'other', 1.5, ['other', 'Unknown', 'N/A', 'OTHER', 'Misc']],
  ['Instagram', 'social', 1, ['IG', 'instagram', 'Insta']],
  ['MyMovingReviews', 'directory', 1, ['My Moving Reviews', 'MMR', 'mymovingreviews.com']],
  ['Apartment Complex', 'referral', 1, ['Apartment Referral', 'Property Manager', 'Apt Complex']],
  ['Corporate Account', 'b2b', 1, ['Corporate', 'Corporate Relocation', 'Relocation Company', 'Corp Account']],
  ['BBB', 'directory', 0.8, ['Better Business Bureau', 'bbb', 'B.B.B.']],
  ['Direct Mail', 'offline', 0.8, ['Mailer', 'Postcard', 'direct mail', 'Direct Mailer']],
  ['Truck Signage', 'offline', 0.7, ['Saw Truck', 'Truck Ad', 'Truck', 'Saw Our Truck']],
  ['Email Campaign', 'email', 0.6, ['Email', 'Newsletter', 'E-mail Marketing', 'email campaign']],
  ['Radio', 'offline', 0.5, ['Radio Ad', 'radio', 'RADIO']],
  ['Yellow Pages', 'directory', 0.5, ['YP', 'Phone Book', 'Yellowpages.com', 'yellow pages'], undefined, dayNumber(2021, 12, 31)],
  ['Craigslist', 'marketplace', 0.5, ['craigslist', 'Craigs List', 'CL', 'Craigslist.org']],
  ['TikTok', 'social', 0.5, ['Tik Tok', 'tiktok', 'TIKTOK'], dayNumber(2022, 1, 1)],
  ['TV', 'offline', 0.4, ['Television', 'TV Ad', 'tv']],
  ['Billboard', 'offline', 0.4, ['billboard', 'Billboard Ad', 'Bill Board']],
  ['Walk-in', 'offline', 0.3, ['Walk In', 'Walkin', 'Drive By', 'walk-in']],
];

export const LEAD_SOURCES: readonly LeadSource[] = ROWS.map(([name, channel, weight, variants, from, until], i) => ({
  id: i + 1,
  name,
  channel,
  weight,
  variants,
  ...(from === undefined ? {} : { from }),
  ...(until === undefined ? {} : { until }),
}));

export const REPEAT_CUSTOMER_SOURCE = LEAD_SOURCES.find((s) => s.name === 'Repeat Customer') as LeadSource;

export function leadSourceActive(source: LeadSource, day: Day): boolean {
  return (source.from === undefined || source.from <= day) && (source.until === undefined || day <= source.until);
}

// A raw spelling must name exactly one source, or the truth file could not say which one it means.
{
  const seen = new Set<string>();
  for (const source of LEAD_SOURCES) {
    for (const raw of [source.name, ...source.variants]) {
      if (seen.has(raw)) throw new Error(`lead source spelling "${raw}" is used twice`);
      seen.add(raw);
    }
  }
}
