/**
 * Builders for metrics tests: local wall-clock instants in a zone (computed with plain Intl, not with
 * the engine's calendar), and orders / defects / readings with sensible defaults.
 */
import type { AmazonReading, Defect, Order, Settings } from '../../../lib/model';
import { DEFAULT_SETTINGS } from '../../../lib/model';

export const US = 'ATVPDKIKX0DER'; // America/Los_Angeles
export const DE = 'A1PA6795UKMFR9'; // Europe/Berlin
export const JP = 'A1VC38T7YXB528'; // Asia/Tokyo
export const UK = 'A1F83G8C2ARO7P'; // Europe/London

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const ZONES: Record<string, string> = { [US]: 'America/Los_Angeles', [DE]: 'Europe/Berlin', [JP]: 'Asia/Tokyo', [UK]: 'Europe/London' };

const formats = new Map<string, Intl.DateTimeFormat>();

function offsetAt(epochMs: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(epochMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(epochMs / 1000) * 1000;
}

/** The instant of a local wall-clock time (`2026-11-26T12:00`) in a marketplace's zone (or a zone name). */
export function local(wall: string, marketplaceOrZone: string): number {
  const zone = ZONES[marketplaceOrZone] ?? marketplaceOrZone;
  const [date, time = '00:00'] = wall.split('T');
  const [y, m, d] = date!.split('-').map(Number);
  const [hh, mm, ss = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y!, m! - 1, d!, hh!, mm!, ss);
  let t = asUtc - offsetAt(asUtc, zone);
  t = asUtc - offsetAt(t, zone);
  return t;
}

let sequence = 0;
export const nextId = () => `111-${String(++sequence).padStart(7, '0')}-0000000`;

export function order(fields: Partial<Order> & { orderDate: number }): Order {
  return {
    orderId: nextId(),
    marketplaceId: US,
    channel: 'MFN',
    status: 'unshipped',
    observedAt: fields.orderDate,
    source: 'test',
    ...fields,
  };
}

/** A shipped MFN order confirmed at `confirmedAt`, with valid tracking. */
export function shipped(orderDate: number, latestShipDate: number, confirmedAt: number, fields: Partial<Order> = {}): Order {
  return order({
    orderDate,
    latestShipDate,
    status: 'shipped',
    shipConfirmation: { at: confirmedAt },
    packages: [{ carrier: 'UPS', trackingNumber: '1Z999' }],
    ...fields,
  });
}

export function feedback(orderId: string, date: number, rating: number, fields: Partial<Extract<Defect, { kind: 'feedback' }>> = {}): Defect {
  return { id: `feedback:${orderId}`, kind: 'feedback', orderId, marketplaceId: US, date, rating, observedAt: date, source: 'test', ...fields };
}

export function claim(
  orderId: string,
  date: number,
  status: Extract<Defect, { kind: 'claim' }>['status'],
  fields: Partial<Extract<Defect, { kind: 'claim' }>> = {},
): Defect {
  return { id: `claim:${orderId}`, kind: 'claim', orderId, marketplaceId: US, date, status, observedAt: date, source: 'test', ...fields };
}

export function chargeback(
  orderId: string,
  date: number,
  status: Extract<Defect, { kind: 'chargeback' }>['status'],
  fields: Partial<Extract<Defect, { kind: 'chargeback' }>> = {},
): Defect {
  return { id: `chargeback:${orderId}`, kind: 'chargeback', orderId, marketplaceId: US, date, status, observedAt: date, source: 'test', ...fields };
}

export function reading(fields: Partial<AmazonReading> & Pick<AmazonReading, 'metric' | 'observedAt'>): AmazonReading {
  return { marketplaceId: US, source: 'test', ...fields };
}

export const settings = (change: (s: Settings) => void = () => {}): Settings => {
  const copy = structuredClone(DEFAULT_SETTINGS) as Settings;
  change(copy);
  return copy;
};

export const NO_DATA = { orders: [] as Order[], defects: [] as Defect[], readings: [] as AmazonReading[] };
