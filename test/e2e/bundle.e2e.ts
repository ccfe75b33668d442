// The built extension, read as files (runs after `wxt build` in npm test; no browser): the manifest
// asks for Seller Central hosts only and sets a strict CSP; no bundle can run remote or string code.
// The only code-from-string sites are zod's two (its eval probe and its JIT compiler), which
// lib/zod-jitless.ts switches off before any schema is built; extension.e2e.ts proves at run time
// that no CSP violation occurs and that eval is refused anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_LITERALS } from '../../lib/build/zod-without-json-schema';
import { SELLER_CENTRAL_MATCHES } from '../../lib/marketplaces';
import { PROJECT_ROOT } from './harness';

const CHROME = join(PROJECT_ROOT, '.output/chrome-mv3');
const FIREFOX = join(PROJECT_ROOT, '.output/firefox-mv2');
// `npm run test:e2e` builds Chrome only; npm test builds both. Build Firefox here if it is missing.
if (!existsSync(join(FIREFOX, 'manifest.json'))) spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox'], { cwd: PROJECT_ROOT, stdio: 'inherit' });

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
  ['chrome-mv3', CHROME],
  ['firefox-mv2', FIREFOX],
])('%s build', (browser, dir) => {
  const m = manifest(dir);

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

it('would see dynamic code if a bundle had any', () => {
  expect(DYNAMIC_CODE.some((p) => new RegExp(p.source).test('x = eval("1")'))).toBe(true);
  expect(DYNAMIC_CODE.some((p) => new RegExp(p.source).test('new Function("return 1")'))).toBe(true);
});
