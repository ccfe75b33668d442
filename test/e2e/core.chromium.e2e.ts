// The core flows (flows/core.ts) in Debian Chromium, with the built .output/chrome-mv3.
import { coreFlows } from './flows/core';
import { launchChromiumDriver } from './driver-chromium';

coreFlows('chromium', launchChromiumDriver);
