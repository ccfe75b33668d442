import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Batch, NotRecognizedReason, ReadResult } from '../../../lib/model';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/');

/** A fixture's text (test/fixtures/…): tests never read ../shared at run time. */
export const fixture = (path: string): string => readFileSync(FIXTURES + path, 'utf8');
export const fixtureJson = (path: string): unknown => JSON.parse(fixture(path));

export const US = 'ATVPDKIKX0DER';
export const DE = 'A1PA6795UKMFR9';
export const UK = 'A1F83G8C2ARO7P';
export const JP = 'A1VC38T7YXB528';
export const CA = 'A2EUQ1WTGCTBG2';

/** A fixed capture time: 2026-11-26T12:00:00Z. */
export const OBSERVED = Date.UTC(2026, 10, 26, 12);

export function batchOf(result: ReadResult): Batch {
  if (!result.ok) throw new Error(`expected a batch, got ${result.reason}: ${result.detail}`);
  return result.batch;
}

export function expectNotRecognized(result: ReadResult, reason: NotRecognizedReason): string {
  expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(false);
  if (result.ok) return '';
  expect(result.reason, result.detail).toBe(reason);
  expect(result.detail.length).toBeGreaterThan(0);
  return result.detail;
}

/** Seconds-float → ms, as Seller Central writes instants. */
export const sec = (s: number) => Math.round(s * 1000);
