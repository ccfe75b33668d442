/**
 * One measured figure of `npm run bench`: its value, its budget, and a baseline measured in the same
 * run, so a reader can tell a slow machine (baseline slow too) from a slow extension (ratio high).
 */
export interface Figure {
  name: string;
  value: number;
  unit: 'ms' | 'kB' | 'MB' | '×' | '%';
  /** The figure must not exceed this (all budgets here are upper bounds). */
  budget: number;
  baseline?: { name: string; value: number };
  /** A second budget that is stated on the ratio to the baseline (e.g. ≤ 5 % of the page's own time). */
  ratioBudget?: number;
  /** What to read next to it: samples, spread, what else was measured. */
  note?: string;
}

export const median = (values: number[]): number => {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

export const ratioOf = (f: Figure): number | undefined => (f.baseline && f.baseline.value > 0 ? f.value / f.baseline.value : undefined);

/** NaN (not measured) fails: a bench that cannot measure must not pass silently. */
export function passes(f: Figure): boolean {
  if (!(f.value <= f.budget)) return false;
  const ratio = ratioOf(f);
  return f.ratioBudget === undefined || (ratio !== undefined && ratio <= f.ratioBudget);
}

export function formatFigure(f: Figure): string {
  const ratio = ratioOf(f);
  const parts = [
    `${passes(f) ? 'ok  ' : 'OVER'} ${f.name}: ${round(f.value)} ${f.unit} (budget ≤ ${f.budget} ${f.unit})`,
    f.baseline ? `baseline ${f.baseline.name}: ${round(f.baseline.value)} ${f.unit}` : '',
    ratio !== undefined ? `ratio ${round(ratio, 3)}${f.ratioBudget !== undefined ? ` (budget ≤ ${f.ratioBudget})` : ''}` : '',
  ].filter(Boolean);
  return parts.join(' · ') + (f.note ? `\n       ${f.note}` : '');
}
