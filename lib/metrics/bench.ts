/**
 * Times the full health report on synthetic histories (one year, one defect per 20 orders, with
 * Amazon readings). The target: 100,000 orders + 5,000 defects in < 50 ms on a 2-core machine, and
 * linear growth. `npm run bench` calls `benchHealthReport()`.
 *
 * Steady state is what a seller meets (the report is recomputed on every capture), so each size is
 * warmed up before it is timed; the first, cold run is reported on its own.
 */
import { DEFAULT_SETTINGS } from '../model';
import { computeHealthReport, type HealthData } from './report';
import { syntheticHistory } from './synthetic-history';

const US = 'ATVPDKIKX0DER';
const AS_OF = Date.UTC(2026, 10, 26, 20, 0); // 2026-11-26 12:00 in Los Angeles

export interface BenchResult {
  /** Median wall-clock ms of one report over 10,000 orders + 500 defects. */
  n10k: number;
  /** Median CPU ms (Node only) of the 10k report. */
  n10kCpu: number;
  /** Median wall-clock ms of one report over 100,000 orders + 5,000 defects. */
  n100k: number;
  /** Fastest 100k run: the cost without interference from other processes. */
  n100kMin: number;
  /** Median CPU ms (user + system, Node only) of the 100k report: steadier than wall time on a busy machine. */
  n100kCpu: number;
  /** The very first 100k report, before the JIT has warmed up. */
  n100kFirst: number;
}

const cpuNow = (): number => {
  // process.cpuUsage exists in Node only; elsewhere the CPU figure is NaN.
  const usage = (globalThis as { process?: { cpuUsage(): { user: number; system: number } } }).process?.cpuUsage();
  return usage ? (usage.user + usage.system) / 1000 : Number.NaN;
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A seeded history, passed through JSON as stored data is (IndexedDB and messages give flat strings;
 * the generator's template strings are ropes, which would make every Map lookup slower than in use). */
export function benchData(orders: number): HealthData {
  const generated = syntheticHistory({ seed: 7, orders, defects: Math.round(orders / 20), asOf: AS_OF, days: 365, marketplaceId: US, readings: true });
  return JSON.parse(JSON.stringify(generated)) as HealthData;
}

function time(data: HealthData, runs: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = cpuNow();
    computeHealthReport(data, AS_OF, DEFAULT_SETTINGS, US);
    cpu.push(cpuNow() - cpuStart);
    wall.push(performance.now() - start);
  }
  return { wall, cpu };
}

export function benchHealthReport(runs = 30): BenchResult {
  const small = benchData(10_000);
  const big = benchData(100_000);
  const first = time(big, 1).wall[0]!;
  time(small, 20); // warm-up
  time(big, 5);
  const n10k = time(small, runs);
  const n100k = time(big, runs);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    n10k: round(median(n10k.wall)),
    n10kCpu: round(median(n10k.cpu)),
    n100k: round(median(n100k.wall)),
    n100kMin: round(Math.min(...n100k.wall)),
    n100kCpu: round(median(n100k.cpu)),
    n100kFirst: round(first),
  };
}
