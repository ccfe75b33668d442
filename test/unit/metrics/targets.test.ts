/** metrics-spec §3: margin and status in integer arithmetic, at the exact boundaries. */
import { describe, expect, it } from 'vitest';
import { ceilDiv, marginOf, meetsTarget, rateOf, statusOf } from '../../../lib/metrics/targets';
import type { MetricTarget } from '../../../lib/model';

const lt = (basisPoints: number): MetricTarget => ({ basisPoints, condition: 'lt' });
const gt = (basisPoints: number): MetricTarget => ({ basisPoints, condition: 'gt' });
const rule = { warningShare: 0.75, warningMargin: 1 };

describe('margin (LESS_THAN: ceil(t·den − num) − 1)', () => {
  it.each([
    // [num, den, bp, margin]
    [8, 200, 400, -1], // §6: 0.04 is not < 0.04
    [7, 200, 400, 0], // 3.5 % passes; one more fails
    [6, 200, 400, 1],
    [8, 1000, 100, 1], // §3: 9/1000 passes, 10/1000 fails
    [9, 1000, 100, 0],
    [10, 1000, 100, -1],
    [11, 1000, 100, -2],
    [0, 1, 400, 0], // 1/1 = 100 % fails: no room
    [0, 25, 400, 0], // 1/25 = 4 % fails
    [0, 26, 400, 1], // 1/26 passes, 2/26 fails
  ])('%i of %i against %i bp → %i', (num, den, bp, margin) => {
    expect(marginOf(num, den, lt(bp))).toBe(margin);
    expect(meetsTarget(num, den, lt(bp))).toBe(margin >= 0);
  });
});

describe('margin (GREATER_THAN: ceil(g − t·den) − 1)', () => {
  it.each([
    [95, 100, 9500, -1], // 95 % is not > 95 %
    [96, 100, 9500, 0],
    [97, 100, 9500, 1],
    [19, 20, 9500, -1],
    [20, 20, 9500, 0],
    [91, 100, 9000, 0],
    [90, 100, 9000, -1],
  ])('%i good of %i against %i bp → %i', (good, den, bp, margin) => {
    expect(marginOf(good, den, gt(bp))).toBe(margin);
    expect(meetsTarget(good, den, gt(bp))).toBe(margin >= 0);
  });
});

describe('empty window', () => {
  it('has no rate and no margin, and status unknown: never 0 % or NaN', () => {
    expect(rateOf(0, 0)).toBeNull();
    expect(marginOf(0, 0, lt(100))).toBeNull();
    expect(statusOf(0, 0, lt(100), rule)).toBe('unknown');
    expect(statusOf(0, 0, gt(9500), rule)).toBe('unknown');
  });
});

describe('status', () => {
  it('breach when the target is not met, exactly at the target too', () => {
    expect(statusOf(8, 200, lt(400), rule)).toBe('breach');
    expect(statusOf(95, 100, gt(9500), rule)).toBe('breach');
  });
  it('warning when the margin is at most the warning margin', () => {
    expect(statusOf(8, 1000, lt(100), rule)).toBe('warning'); // margin 1
    expect(statusOf(7, 1000, lt(100), rule)).toBe('ok'); // margin 2; 0.7 % is under 75 % of 1 %
    expect(statusOf(7, 1000, lt(100), { warningShare: 0.75, warningMargin: 2 })).toBe('warning');
    expect(statusOf(8, 1000, lt(100), { warningShare: 0.75, warningMargin: 0 })).toBe('warning'); // 0.8 % > 0.75 %
    expect(statusOf(8, 1000, lt(100), { warningShare: 1, warningMargin: 0 })).toBe('ok'); // margin 1 > 0, share not exceeded
  });
  it('warning only when the rate has used MORE than the warning share (LESS_THAN)', () => {
    // 4 % target, 75 % share → warn above 3 %. 30/1000 = 3 % exactly: ok; 31/1000: warning.
    expect(statusOf(30, 1000, lt(400), rule)).toBe('ok');
    expect(statusOf(31, 1000, lt(400), rule)).toBe('warning');
  });
  it('warning only when more than the warning share of the way from 100 % is used (GREATER_THAN)', () => {
    // 90 % target: the way from 100 % is 10 points; 75 % of it = 7.5 points → warn below 92.5 %.
    expect(statusOf(925, 1000, gt(9000), rule)).toBe('ok');
    expect(statusOf(924, 1000, gt(9000), rule)).toBe('warning');
  });
  it('ok when far from the target', () => {
    expect(statusOf(0, 1000, lt(100), rule)).toBe('ok');
    expect(statusOf(1000, 1000, gt(9500), rule)).toBe('ok');
  });
});

describe('ceilDiv', () => {
  it.each([
    [0, 10000, 0],
    [1, 10000, 1],
    [-1, 10000, 0],
    [-10000, 10000, -1],
    [-10001, 10000, -1],
    [20000, 10000, 2],
    [10 ** 15 + 1, 10000, 10 ** 11 + 1],
  ])('ceil(%i / %i) = %i', (a, b, q) => expect(ceilDiv(a, b)).toBe(q));
});
