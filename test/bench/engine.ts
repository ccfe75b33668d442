/**
 * The health report engine in Node (lib/metrics/bench.ts does the timing on synthetic histories).
 * Baseline: the same engine on a tenth of the data, so the ratio is the growth for 10× the orders.
 */
import { benchHealthReport } from '../../lib/metrics/bench';
import { round, type Figure } from './figures';

export function engineFigures(): Figure[] {
  const r = benchHealthReport();
  return [
    {
      name: 'health report, 100,000 orders + 5,000 defects (Node, median CPU)',
      // CPU time, not wall time: on this shared 2-core machine wall time mostly measures the scheduler.
      // process CPU includes V8's GC and compiler threads, so it is an upper bound of the work itself.
      value: r.n100kCpu,
      unit: 'ms',
      budget: 50,
      baseline: { name: '10,000 orders + 500 defects, CPU', value: r.n10kCpu },
      ratioBudget: 12,
      note: `ratio = growth for 10× the orders (wall: ${round(r.n100k / r.n10k)}×); wall median ${r.n100k} ms, fastest ${r.n100kMin} ms, first (cold) run ${r.n100kFirst} ms`,
    },
  ];
}
