/**
 * `npm run test:e2e [-- --no-build] [vitest options…]`: builds and packages the Chrome and Firefox
 * extensions (`npm run zip`, so the browser tests never run a stale build and bundle.e2e.ts checks
 * fresh store packages), checks Chromium and Firefox are there, then runs test/e2e/**\/*.e2e.ts with
 * vitest.e2e.config.ts. `--no-build` is for scripts/test-all.ts, which has just packaged both.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CHROMIUM_INSTALL_HELP, findChromium } from './chromium';
import { FIREFOX_INSTALL_HELP, findFirefox } from './firefox';
import { PROJECT_ROOT } from './harness';

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules/.bin', name);
const args = process.argv.slice(2);
const vitestArgs = args.filter((a) => a !== '--no-build');

if (!args.includes('--no-build')) {
  for (const build of [['zip'], ['zip', '-b', 'firefox']]) {
    const run = spawnSync(bin('wxt'), build, { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}
const missing = [findChromium() ? null : CHROMIUM_INSTALL_HELP, findFirefox() ? null : FIREFOX_INSTALL_HELP].filter(Boolean);
if (missing.length > 0) {
  console.error(missing.join('\n\n'));
  process.exit(1);
}
const run = spawnSync(bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts', ...vitestArgs], { cwd: PROJECT_ROOT, stdio: 'inherit' });
process.exit(run.status ?? 1);
