import { render } from 'preact';
import browser from 'webextension-polyfill';
import { uiLocale } from '@/lib/ui/i18n';
import { askPopupState, PopupRoot } from '@/lib/ui/popup/PopupRoot';
import { rememberedState } from '@/lib/ui/popup/remembered';
import '~/assets/theme.css';
import '@/lib/ui/popup/popup.css';

// The worker's round trip first: it runs while the popup renders the figures kept from last time.
const first = askPopupState();
document.documentElement.lang = uiLocale();
const remembered = rememberedState();
// npm run bench: with this mark, the first contentful paint is the kept figures' (rendered just below).
if (remembered) performance.mark('redline:popup-kept');
render(
  <PopupRoot first={first} remembered={remembered} openOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())} />,
  document.getElementById('app')!,
);
