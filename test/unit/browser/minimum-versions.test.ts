// The oldest browsers each manifest accepts (lib/browser/minimum-versions.ts): none that would run the
// page bridge outside the page's world, where it captures nothing.
import { describe, expect, it } from 'vitest';
import { minimumVersion } from '../../../lib/browser/minimum-versions';

describe('minimum browser versions', () => {
  it('Chrome and Edge: minimum_chrome_version 111, the first with MAIN-world manifest content scripts', () => {
    expect(minimumVersion('chrome')).toBe('111');
    expect(minimumVersion('edge')).toBe('111');
  });

  it('Firefox: strict_min_version 140.0, past 128 (MAIN world) and at 140 (data_collection_permissions)', () => {
    expect(minimumVersion('firefox')).toBe('140.0');
    expect(Number.parseInt(minimumVersion('firefox'), 10)).toBeGreaterThanOrEqual(128);
  });
});
