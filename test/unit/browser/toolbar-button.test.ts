// The toolbar button per browser (lib/browser/toolbar-button.ts): Chrome's MV3 build has `action`,
// Firefox's MV2 build only `browserAction` (where `browser.action` is undefined and used to throw).
import { describe, expect, it, vi } from 'vitest';
import { showToolbarBadge, toolbarButton, type ToolbarButton } from '../../../lib/browser/toolbar-button';

const fakeButton = (): ToolbarButton & { calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    setBadgeText: vi.fn(async ({ text }) => void calls.push(`text ${text}`)),
    setBadgeBackgroundColor: vi.fn(async ({ color }) => void calls.push(`color ${color}`)),
    setTitle: vi.fn(async ({ title }) => void calls.push(`title ${title}`)),
  };
};
const BADGE = { text: '3', color: '#b25e00', title: 'Redline — 3 orders at risk' };

describe('toolbar button', () => {
  it('Chrome (Manifest V3): badges `action`', async () => {
    const action = fakeButton();
    await showToolbarBadge(BADGE, toolbarButton({ action }));
    expect(action.calls).toEqual(['text 3', 'color #b25e00', 'title Redline — 3 orders at risk']);
  });

  it('Firefox (Manifest V2): badges `browserAction`, as `action` does not exist there', async () => {
    const browserAction = fakeButton();
    await showToolbarBadge(BADGE, toolbarButton({ browserAction }));
    expect(browserAction.calls).toEqual(['text 3', 'color #b25e00', 'title Redline — 3 orders at risk']);
  });

  it('a browser with neither says so instead of failing on undefined', () => {
    expect(() => toolbarButton({})).toThrow(/neither action nor browserAction/);
  });
});
