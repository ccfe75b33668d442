/**
 * `npm run test:e2e [-- --no-build] [vitest options…]`: builds the Chrome extension (so the browser
 * tests never run a stale build), checks Chromium is there, then runs test/e2e/**\/*.e2e.ts with
 * vitest.e2e.config.ts. `--no-build` is for scripts/test-all.ts, which has just built.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CHROMIUM_INSTALL_HELP, findChromium } from './chromium';
import { PROJECT_ROOT } from './harness';

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules/.bin', name);
const args = process.argv.slice(2);
const vitestArgs = args.filter((a) => a !== '--no-build');

if (!args.includes('--no-build')) {
  const build = spawnSync(bin('wxt'), ['build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!findChromium()) {
  console.error(CHROMIUM_INSTALL_HELP);
  process.exit(1);
}
const run = spawnSync(bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts', ...vitestArgs], { cwd: PROJECT_ROOT, stdio: 'inherit' });
process.exit(run.status ?? 1);
