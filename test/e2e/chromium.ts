/**
 * Where Chromium is. Debian's Chromium honours --load-extension (branded Chrome 137+ ignores it), so it
 * comes first after an explicit CHROMIUM_PATH. Never `npx playwright install` (toolchain.md).
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const CHROMIUM_INSTALL_HELP = `Chromium was not found (looked at CHROMIUM_PATH, then ${CHROMIUM_CANDIDATES.join(', ')}).
Install it, or point CHROMIUM_PATH at a Chromium binary:
  Debian/Ubuntu:  sudo apt-get install chromium        (Ubuntu: sudo snap install chromium)
  Fedora:         sudo dnf install chromium
  macOS:          brew install --cask chromium, then CHROMIUM_PATH="/Applications/Chromium.app/Contents/MacOS/Chromium"
Branded Google Chrome 137+ ignores --load-extension; use Chromium.`;
