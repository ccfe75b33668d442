import { defineWebExtConfig } from 'wxt';

// `wxt dev` would launch its own browser, which crashes on machines without one set up for it;
// the demo and the end-to-end tests load `.output/chrome-mv3` themselves.
export default defineWebExtConfig({ disabled: true });
