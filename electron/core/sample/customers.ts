// True customers and the many ways their contact details get written in different exports.
import type { Day } from './calendar.ts';
import type { Branch } from './geography.ts';
import {
  CUSTOMER_NAME_VARIANT_RATE,
  EMAIL_BLANK_RATE,
  EMAIL_MESSY_RATE,
  PHONE_BLANK_RATE,
  PHONE_FORMAT_SHARE,
} from './mess.ts';
import type { ContactKind, PhoneFormat } from './mess.ts';
import { CUSTOMER_FIRST_NAMES, LAST_NAMES } from './names.ts';
import { WeightedTable } from './rng.ts';
import type { Rng } from './rng.ts';

/**
 * A real customer. Contact fields are stored canonically; rows format them with the export's own mess.
 *
 * @example { id: 812, first: 'John', last: 'Smith', email: 'john.smith47@gmail.com', phone: '3035550142', branchId: 1 }
 */
export interface Customer {
  readonly id: number;
  readonly first: string;
  readonly last: string;
  readonly email: string;
  /** Ten digits. */
  readonly phone: string;
  readonly branchId: number;
  /** Day of the customer's last closed job; set once they have one, for repeat business. */
  lastJobDay: Day | undefined;
}

const DOMAINS = new WeightedTable(
  ['gmail.com', 'yahoo.com', 'icloud.com', 'outlook.com', 'hotmail.com', 'aol.com', 'comcast.net', 'att.net', 'msn.com', 'protonmail.com'],
  [45, 15, 10, 8, 8, 3, 4, 3, 2, 2],
);

function emailWord(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

export function newCustomer(rng: Rng, id: number, branch: Branch): Customer {
  const first = rng.pick(CUSTOMER_FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const f = emailWord(first);
  const l = emailWord(last);
  const local = rng.pick([`${f}.${l}`, `${f}${l}`, `${f.charAt(0)}${l}`, `${f}_${l}`, `${f}${l.charAt(0)}`, `${l}.${f}`]);
  const suffix = rng.chance(0.6) ? String(rng.chance(0.5) ? rng.int(1, 99) : rng.int(1950, 2005)) : '';
  let exchange = rng.int(201, 989);
  if (exchange % 100 === 11) exchange += 1; // N11 codes are not exchanges
  return {
    id,
    first,
    last,
    email: `${local}${suffix}@${DOMAINS.draw(rng)}`,
    phone: `${rng.pick(branch.areaCodes)}${exchange}${String(rng.int(0, 9999)).padStart(4, '0')}`,
    branchId: branch.id,
    lastJobDay: undefined,
  };
}

/** "John Smith" mostly; else "Smith, John", "JOHN SMITH", "john smith" or "John  Smith". */
export function formatCustomerName(customer: Customer, rng: Rng): string {
  const plain = `${customer.first} ${customer.last}`;
  if (rng.next() >= CUSTOMER_NAME_VARIANT_RATE) return plain;
  switch (rng.int(0, 3)) {
    case 0:
      return `${customer.last}, ${customer.first}`;
    case 1:
      return plain.toUpperCase();
    case 2:
      return plain.toLowerCase();
    default:
      return `${customer.first}  ${customer.last}`;
  }
}

function capitalise(email: string): string {
  return email.replace(/(^|[._@])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Blank at EMAIL_BLANK_RATE; untidy ("John.Smith@Gmail.com", padded, upper case) at EMAIL_MESSY_RATE. */
export function formatEmail(customer: Customer, rng: Rng): string {
  if (rng.next() < EMAIL_BLANK_RATE) return '';
  if (rng.next() >= EMAIL_MESSY_RATE) return customer.email;
  switch (rng.int(0, 3)) {
    case 0:
      return capitalise(customer.email);
    case 1:
      return `${capitalise(customer.email)} `;
    case 2:
      return ` ${customer.email}`;
    default:
      return customer.email.toUpperCase();
  }
}

const PHONE_FORMATS: Record<ContactKind, WeightedTable<PhoneFormat>> = Object.fromEntries(
  (Object.keys(PHONE_FORMAT_SHARE) as ContactKind[]).map((kind) => {
    const shares = PHONE_FORMAT_SHARE[kind];
    const formats = Object.keys(shares) as PhoneFormat[];
    return [kind, new WeightedTable(formats, formats.map((f) => shares[f]))];
  }),
) as Record<ContactKind, WeightedTable<PhoneFormat>>;

export function phoneIn(format: PhoneFormat, digits: string): string {
  const a = digits.slice(0, 3);
  const b = digits.slice(3, 6);
  const c = digits.slice(6);
  switch (format) {
    case 'paren':
      return `(${a}) ${b}-${c}`;
    case 'dash':
      return `${a}-${b}-${c}`;
    case 'intl':
      return `+1 ${a} ${b} ${c}`;
    case 'digits':
      return digits;
    case 'dots':
      return `${a}.${b}.${c}`;
  }
}

/** Blank at PHONE_BLANK_RATE, else in one of the export's phone formats. */
export function formatPhone(customer: Customer, rng: Rng, kind: ContactKind): string {
  if (rng.next() < PHONE_BLANK_RATE) return '';
  return phoneIn(PHONE_FORMATS[kind].draw(rng), customer.phone);
}
