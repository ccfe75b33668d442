// The built extension and its store packages, read as files (no browser): each manifest asks for
// Seller Central hosts only, sets a strict CSP and carries package.json's version; no bundle can run
// remote or string code; the sources zip for addons.mozilla.org rebuilds the Firefox package exactly.
// The only code-from-string sites are zod's two (its eval probe and its JIT compiler), which
// lib/zod-jitless.ts switches off before any schema is built; extension.e2e.ts proves at run time
// that no CSP violation occurs and that eval is refused anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { JSON_SCHEMA_LITERALS } from '../../lib/build/zod-without-json-schema';
import { minimumVersion } from '../../lib/browser/minimum-versions';
import { SELLER_CENTRAL_MATCHES } from '../../lib/marketplaces';
import { PROJECT_ROOT } from './harness';

const CHROME = join(PROJECT_ROOT, '.output/chrome-mv3');
const FIREFOX = join(PROJECT_ROOT, '.output/firefox-mv2');
const { version: VERSION } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
/** `npm run zip` (wxt.config.ts, `zip`): named by version. npm test and `npm run test:e2e` make them first. */
const PACKAGES = {
  chrome: join(PROJECT_ROOT, `.output/redline-${VERSION}-chrome.zip`),
  firefox: join(PROJECT_ROOT, `.output/redline-${VERSION}-firefox.zip`),
  sources: join(PROJECT_ROOT, `.output/redline-${VERSION}-sources.zip`),
};
const missing = Object.values(PACKAGES).filter((p) => !existsSync(p));
if (missing.length > 0) throw new Error(`No store package at ${missing.join(', ')}: run \`npm run zip\` first.`);

/** Unpacks `zip` into a new temporary folder; every file of it, by path. */
async function unpack(zip: string): Promise<{ dir: string; files: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-package-'));
  unpacked.push(dir);
  const archive = await JSZip.loadAsync(readFileSync(zip));
  const files = Object.values(archive.files).filter((f) => !f.dir);
  for (const file of files) {
    const target = join(dir, file.name);
    if (!target.startsWith(dir + '/')) throw new Error(`${zip}: ${file.name} leaves the archive`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await file.async('nodebuffer'));
  }
  return { dir, files: files.map((f) => f.name).sort() };
}
const unpacked: string[] = [];
afterAll(() => unpacked.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const [chromeZip, firefoxZip, sourcesZip] = await Promise.all([unpack(PACKAGES.chrome), unpack(PACKAGES.firefox), unpack(PACKAGES.sources)]);

/** Every file under `dir`, as paths relative to it, sorted. */
const allFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const scripts = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(m?js|html)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

/** Ways to turn a string into code, or to load code from elsewhere. */
const DYNAMIC_CODE = [
  /\beval\s*\(/g,
  /\bnew\s+Function\b/g,
  /(?<![\w$.])Function\s*\(/g, // Function("…") called directly
  /=\s*Function\s*[,;]/g, // Function aliased, then called: zod's compiler does this
  /\bset(?:Timeout|Interval)\s*\(\s*[`'"]/g,
  /\bimportScripts\s*\(/g,
  /<script[^>]+src=["']?https?:/gi,
  /\bimport\s*\(\s*[`'"]https?:/g,
];
/** zod 4's own sites, each with the text around it, and why it never runs (lib/zod-jitless.ts). */
const KNOWN_ZOD_SITES = [/try\{return Function\(``\),!0\}catch\{return!1\}/, /compile\(\)\{let \w+=Function,/];

function dynamicCode(dir: string): string[] {
  const found: string[] = [];
  for (const file of scripts(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of DYNAMIC_CODE) {
      for (const m of text.matchAll(pattern)) {
        const around = text.slice(Math.max(0, m.index - 60), m.index + 60);
        if (!KNOWN_ZOD_SITES.some((site) => site.test(around))) found.push(`${file.slice(PROJECT_ROOT.length)}: …${around}…`);
      }
    }
  }
  return found;
}

const STRICT_CSP = ["default-src 'none'", "script-src 'self'", "object-src 'none'", "connect-src 'none'", "base-uri 'none'"];
const ALL_HOSTS = /<all_urls>|^\*:\/\/\*\/|^https?:\/\/\*\//;

describe.each([
  ['chrome-mv3', 'build', CHROME],
  ['firefox-mv2', 'build', FIREFOX],
  ['chrome-mv3', 'Chrome Web Store package', chromeZip.dir],
  ['firefox-mv2', 'Firefox add-on package', firefoxZip.dir],
])('%s %s', (browser, _what, dir) => {
  const m = manifest(dir);

  it('carries package.json’s version, and the oldest browser that runs it as built', () => {
    expect(m.version).toBe(VERSION);
    if (browser === 'chrome-mv3') {
      expect(m.minimum_chrome_version).toBe(minimumVersion('chrome'));
      expect(m).not.toHaveProperty('browser_specific_settings'); // Chrome lists unknown keys as errors on its extensions page
    } else {
      expect(m.browser_specific_settings).toEqual({
        gecko: { id: 'redline@redline-extension.org', strict_min_version: minimumVersion('firefox'), data_collection_permissions: { required: ['none'] } },
      });
    }
  });

  it('asks for Seller Central hosts only, and nothing else that reaches pages or the network', () => {
    const hostPatterns = browser === 'chrome-mv3' ? (m.host_permissions as string[]) : (m.permissions as string[]).filter((p) => p.includes('://'));
    expect([...hostPatterns].sort()).toEqual([...SELLER_CENTRAL_MATCHES].sort());
    const apiPermissions = (m.permissions as string[]).filter((p) => !p.includes('://'));
    expect(apiPermissions.sort()).toEqual(['alarms', 'notifications', 'storage', 'unlimitedStorage']);
    for (const script of m.content_scripts as { matches: string[] }[]) expect(script.matches.every((p) => SELLER_CENTRAL_MATCHES.includes(p))).toBe(true);
    const text = JSON.stringify(m);
    expect(text).not.toMatch(ALL_HOSTS);
    expect(m).not.toHaveProperty('externally_connectable');
    expect(m).not.toHaveProperty('web_accessible_resources');
    expect(m).not.toHaveProperty('update_url');
  });

  it('sets a strict content security policy', () => {
    const csp = browser === 'chrome-mv3' ? (m.content_security_policy as { extension_pages: string }).extension_pages : (m.content_security_policy as string);
    for (const directive of STRICT_CSP) expect(csp).toContain(directive);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('contains no code from strings and loads no remote code (zod’s two switched-off sites aside)', () => {
    expect(dynamicCode(dir)).toEqual([]);
  });

  it('leaves out zod’s JSON-schema code (lib/build/zod-without-json-schema.ts; docs/performance.md)', () => {
    const found = scripts(dir).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return JSON_SCHEMA_LITERALS.filter((literal) => text.includes(literal)).map((literal) => `${file.slice(PROJECT_ROOT.length)}: ${literal}`);
    });
    expect(found).toEqual([]);
  });
});

describe('store packages', () => {
  it('the Chrome and Firefox packages are exactly their builds', () => {
    expect(chromeZip.files).toEqual(allFiles(CHROME));
    expect(firefoxZip.files).toEqual(allFiles(FIREFOX));
    for (const name of firefoxZip.files) expect(readFileSync(join(firefoxZip.dir, name)).equals(readFileSync(join(FIREFOX, name))), name).toBe(true);
  });

  it('the sources zip holds what builds the add-on, and no dependency, output, test or secret', () => {
    expect(sourcesZip.files).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'entrypoints/background.ts']),
    );
    expect(sourcesZip.files.filter((f) => /^(node_modules|\.output|\.wxt|test|scripts|demo-output|test-results)\/|(^|\/)\.|\.test\.tsx?$/.test(f))).toEqual([]);
  });

  it('the sources zip rebuilds the Firefox package byte for byte (`npm ci && npm run build:firefox`, as a reviewer does)', () => {
    // The locked dependencies are this checkout's (what `npm ci` installs from package-lock.json).
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(sourcesZip.dir, 'node_modules'));
    // Not vitest's environment (NODE_ENV=test, VITEST…): a reviewer's shell builds for production.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && k !== 'TEST' && !k.startsWith('VITEST')));
    const build = spawnSync(join(sourcesZip.dir, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox'], { cwd: sourcesZip.dir, encoding: 'utf8', env });
    expect(build.status, build.stderr).toBe(0);
    const rebuilt = join(sourcesZip.dir, '.output/firefox-mv2');
    expect(allFiles(rebuilt)).toEqual(firefoxZip.files);
    for (const name of firefoxZip.files) expect(readFileSync(join(rebuilt, name)).equals(readFileSync(join(firefoxZip.dir, name))), name).toBe(true);
  }, 60_000);
});

describe('store listing (docs/store-listing.md)', () => {
  const listing = readFileSync(join(PROJECT_ROOT, 'docs/store-listing.md'), 'utf8');
  /** The listing's section for a language: from its `## ` heading to the next. */
  const section = (heading: string) => listing.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
  const messages = (lang: string) => JSON.parse(readFileSync(join(CHROME, `_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;
  const chrome = manifest(CHROME);
  const firefox = manifest(FIREFOX);
  const asked = [...new Set([...(chrome.permissions as string[]), ...(firefox.permissions as string[]).filter((p) => !p.includes('://')), 'host_permissions'])];

  it.each([
    ['en', 'English'],
    ['de', 'Deutsch'],
    ['ja', '日本語'],
  ])('%s: the manifest’s name and summary, and a reason for every permission the manifests ask for', (lang, heading) => {
    const text = section(heading);
    expect(text).toContain(messages(lang).extName!.message);
    expect(text).toContain(messages(lang).extDescription!.message);
    const justified = [...text.matchAll(/^\| `([A-Za-z_]+)`[^|]*\| *\S/gm)].map((m) => m[1]);
    expect(justified.sort()).toEqual([...asked].sort());
  });
});

it('would see dynamic code if a bundle had any', () => {
  expect(DYNAMIC_CODE.some((p) => new RegExp(p.source).test('x = eval("1")'))).toBe(true);
  expect(DYNAMIC_CODE.some((p) => new RegExp(p.source).test('new Function("return 1")'))).toBe(true);
});
