// The page bridge's MAIN world per browser (lib/browser/main-world.ts): the manifests refuse the
// browsers that would run it isolated, where it would capture nothing.
import { describe, expect, it } from 'vitest';
import { MAIN_WORLD_SINCE, minimumVersion } from '../../../lib/browser/main-world';

describe('minimum browser versions for the MAIN-world page bridge', () => {
  it('Chrome and Edge: minimum_chrome_version 111', () => {
    expect(minimumVersion('chrome')).toBe('111');
    expect(minimumVersion('edge')).toBe('111');
  });

  it('Firefox: strict_min_version 128.0 (older versions ignore `world`)', () => {
    expect(minimumVersion('firefox')).toBe('128.0');
    expect(Number.parseInt(minimumVersion('firefox'), 10)).toBe(MAIN_WORLD_SINCE.firefox);
  });
});
