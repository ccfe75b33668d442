// PRIVACY.md as the extension's privacy.html (lib/build/privacy-page.ts): every language's section,
// at GitHub's anchors, with the options page's own words for deleting and exporting; nothing in the
// file can become markup.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { headingAnchor, privacyPage } from '../../../lib/build/privacy-page';
import { PRIVACY_SECTIONS, privacyPolicyHref } from '../../../lib/ui/links';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const POLICY = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');
const messages = (lang: string) => JSON.parse(readFileSync(join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;

// Without the stylesheet link, which happy-dom would try to fetch.
const parse = (html: string) => new DOMParser().parseFromString(html.replace(/<link rel="stylesheet"[^>]*>/, ''), 'text/html');

describe('privacy page', () => {
  const doc = parse(privacyPage(POLICY));

  it('has one section per UI language, with its lang, at the anchor the options page links to', () => {
    const sections = [...doc.querySelectorAll('main > section')].map((s) => [s.id, s.getAttribute('lang')]);
    expect(sections).toEqual(Object.entries(PRIVACY_SECTIONS).map(([lang, anchor]) => [anchor, lang]));
    expect(privacyPolicyHref('de-DE')).toBe('/privacy.html#deutsch');
    expect(privacyPolicyHref('ja')).toBe('/privacy.html#日本語');
    expect(privacyPolicyHref('fr-FR')).toBe('/privacy.html#english');
  });

  it.each(Object.entries(PRIVACY_SECTIONS))('%s: names the options page’s own buttons to delete and to export', (lang, anchor) => {
    const text = doc.getElementById(anchor)!.textContent!;
    expect(text).toContain(messages(lang).options_deleteAll!.message);
    expect(text).toContain(messages(lang).options_exportAll!.message);
  });

  it('keeps the contents: headings, lists, bold, same-page links', () => {
    expect(doc.querySelector('title')!.textContent).toBe('Redline privacy policy');
    expect([...doc.querySelectorAll('main > p a')].map((a) => a.getAttribute('href'))).toEqual(['#english', '#deutsch', '#日本語']);
    expect(doc.querySelectorAll('#english h3').length).toBeGreaterThanOrEqual(5);
    expect(doc.querySelector('#english strong')!.textContent).toBe('Nothing it reads or computes leaves your browser');
    const item = doc.querySelector('#english ul li')!.textContent!;
    expect(item).toMatch(/^Seller Central pages you open yourself, on Amazon's Seller Central hosts only .* and the Account Health page itself\.$/); // a continued item is one
  });

  it('renders everything as text: markup, scripts and foreign links in the file stay inert', () => {
    const html = privacyPage(
      '# A <b>\n\n## English\n\n<script>alert(1)</script> **<img src=x onerror=alert(1)>**\n\n- [out](https://example.com) [in](#english)\n',
    );
    const page = parse(html);
    expect(page.querySelectorAll('script, img, b').length).toBe(0);
    expect(page.querySelector('p')!.textContent).toBe('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect([...page.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#english']);
    expect(html).not.toMatch(/https:\/\/example\.com"/);
  });

  it('uses GitHub’s heading anchors', () => {
    expect(headingAnchor('What Redline stores, and where')).toBe('what-redline-stores-and-where');
    expect(headingAnchor('日本語')).toBe('日本語');
    expect(headingAnchor('Was Redline speichert, und wo')).toBe('was-redline-speichert-und-wo');
  });
});
