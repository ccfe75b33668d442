/**
 * Times the full health report on synthetic histories (one year, 5 % as many defects as orders, with
 * Amazon readings). The target: 100,000 orders + 5,000 defects in < 50 ms on a 2-core machine, and
 * linear growth. `npm run bench` calls `benchHealthReport()`.
 */
import { DEFAULT_SETTINGS } from '../model';
import { computeHealthReport } from './report';
import { syntheticHistory } from './synthetic-history';

const US = 'ATVPDKIKX0DER';
const AS_OF = Date.UTC(2026, 10, 26, 20, 0); // 2026-11-26 12:00 in Los Angeles

export interface BenchResult {
  /** Median ms of one report over 10,000 orders + 500 defects. */
  n10k: number;
  /** Median ms of one report over 100,000 orders + 5,000 defects. */
  n100k: number;
  /** The first 100k report, with cold caches (fresh time-zone offset cache excepted: it is per page). */
  n100kFirst: number;
}

const now = (): number => performance.now();

function timeReport(orders: number, runs: number): { median: number; first: number } {
  const generated = syntheticHistory({ seed: 7, orders, defects: Math.round(orders / 20), asOf: AS_OF, days: 365, marketplaceId: US, readings: true });
  // Through JSON, as stored data arrives (IndexedDB and messages give flat strings; the generator's
  // template strings are ropes, which make every Map lookup several times slower and the bench unfair).
  const data = JSON.parse(JSON.stringify(generated)) as typeof generated;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    computeHealthReport(data, AS_OF, DEFAULT_SETTINGS, US);
    times.push(now() - start);
  }
  const first = times[0]!;
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, first };
}

export function benchHealthReport(runs = 25): BenchResult {
  const big = timeReport(100_000, runs);
  const small = timeReport(10_000, runs);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { n10k: round(small.median), n100k: round(big.median), n100kFirst: round(big.first) };
}
