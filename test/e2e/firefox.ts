/**
 * Where Firefox is. Debian's Firefox ESR is driven over WebDriver BiDi by puppeteer-core (toolchain.md,
 * "End-to-end tests in real Firefox"); a temporary add-on needs no signing. Never a downloaded build.
 */
import { existsSync } from 'node:fs';

export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/snap/bin/firefox'];

export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FIREFOX_PATH) return existsSync(env.FIREFOX_PATH) ? env.FIREFOX_PATH : null;
  return FIREFOX_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const FIREFOX_INSTALL_HELP = `Firefox was not found (looked at FIREFOX_PATH, then ${FIREFOX_CANDIDATES.join(', ')}).
Install it, or point FIREFOX_PATH at a Firefox binary (140 or later):
  Debian/Ubuntu:  sudo apt-get install firefox-esr
  Fedora:         sudo dnf install firefox
  macOS:          brew install --cask firefox, then FIREFOX_PATH="/Applications/Firefox.app/Contents/MacOS/firefox"`;
