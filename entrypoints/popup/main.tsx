import { render } from 'preact';
import browser from 'webextension-polyfill';
import { uiLocale } from '@/lib/ui/i18n';
import { PopupRoot } from '@/lib/ui/popup/PopupRoot';
import '@/lib/ui/theme.css';
import '@/lib/ui/popup/popup.css';

document.documentElement.lang = uiLocale();
render(<PopupRoot openOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())} />, document.getElementById('app')!);
