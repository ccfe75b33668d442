import browser from 'webextension-polyfill';

/** The three calls the toolbar badge needs; Chrome's `action` and Firefox MV2's `browserAction` both have them. */
export interface ToolbarButton {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

interface ToolbarApis {
  action?: ToolbarButton;
  browserAction?: ToolbarButton;
}

/**
 * The toolbar button's API: `action` in Manifest V3 (Chrome, Edge), `browserAction` in Manifest V2,
 * which is what Firefox's build is (`wxt build -b firefox`); there `browser.action` is undefined and
 * calling it throws. `api` is the extension's `browser` (a test passes a fake one).
 */
export function toolbarButton(api: ToolbarApis = browser): ToolbarButton {
  const button = api.action ?? api.browserAction;
  if (!button) throw new Error('This browser has neither action nor browserAction: no toolbar button to badge.');
  return button;
}

/** Shows a badge (lib/background/toolbar.ts computes it) on the toolbar button. */
export async function showToolbarBadge(badge: { text: string; color: string; title: string }, button: ToolbarButton = toolbarButton()): Promise<void> {
  await button.setBadgeText({ text: badge.text });
  await button.setBadgeBackgroundColor({ color: badge.color });
  await button.setTitle({ title: badge.title });
}
