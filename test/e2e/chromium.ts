/**
 * Where Chromium is. Debian's Chromium honours --load-extension (branded Chrome 137+ ignores it), so it
 * comes first after an explicit CHROMIUM_PATH. Never `npx playwright install` (toolchain.md).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/**
 * Why Chromium refused to load an unpacked extension (bad manifest, bad locale file…), or null.
 * Chromium only says so on its log, which Playwright does not hand over, so this starts Chromium
 * once more with logging on. Used only after the extension failed to start.
 */
export function extensionLoadError(executablePath: string, extensionDir: string, timeoutMs = 8_000): Promise<string | null> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'redline-diagnose-'));
  const child = spawn(
    executablePath,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--enable-logging=stderr',
      `--user-data-dir=${userDataDir}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      'about:blank',
    ],
    { detached: true },
  ); // its own process group: /usr/bin/chromium is a wrapper script with children
  return new Promise((resolve) => {
    let finished = false;
    const done = (message: string | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGKILL'); // the whole group this call started, not only the wrapper
      } catch {
        // already gone
      }
      // Chromium's processes may still be writing the profile for a moment after the kill.
      setTimeout(() => rmSync(userDataDir, { recursive: true, force: true }), 500);
      resolve(message);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /(Extension error|Failed to load extension)[^\n]*/.exec(log);
      if (match) done(match[0]);
    });
    child.on('error', () => done(null));
  });
}
