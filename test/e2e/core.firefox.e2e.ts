// The core flows (flows/core.ts) in Debian's Firefox ESR, with the built .output/firefox-mv2 as a
// temporary add-on, driven by puppeteer-core over WebDriver BiDi.
import { coreFlows } from './flows/core';
import { launchFirefoxDriver } from './driver-firefox';

coreFlows('firefox', launchFirefoxDriver);
