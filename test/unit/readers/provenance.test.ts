import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as readers from '../../../lib/readers';
import * as selectors from '../../../lib/dom/selectors';
import { PAGE_DETECTORS } from '../../../lib/pages/detect';

/**
 * docs/readers.md's provenance table names the evidence of every reader, selector group and page
 * URL: the list of what to verify first on a live account. This fails when one is missing from it,
 * when a row names one that no longer exists, or when a row does not say its evidence and date.
 */
const DOC = readFileSync(join(import.meta.dirname, '../../../docs/readers.md'), 'utf8');
const section = DOC.slice(DOC.indexOf('## Provenance'), DOC.indexOf('## "This page looks different"'));
const rows = [...section.matchAll(/^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|/gm)].map(([, name, what, evidence, date]) => ({
  name: name!,
  what: what!.trim(),
  evidence: evidence!.trim(),
  date: date!.trim(),
}));

const EVIDENCE = /^(real capture|Amazon's published model|public tool|invented|Redline's own)( \+ (real capture|Amazon's published model|public tool))?$/;

const READERS = [...Object.keys(readers).filter((n) => /^read(?!Any$|Response$)/.test(n)), 'readAccountHealth'];
const SELECTOR_GROUPS = Object.entries(selectors)
  .filter(([, v]) => typeof v !== 'function')
  .map(([n]) => n);
const PAGES = PAGE_DETECTORS.map((d) => `page:${d.kind}`);

describe('the provenance table (docs/readers.md)', () => {
  it('has a row for every reader, selector group and page, and no row for one that is gone', () => {
    const expected = [...READERS, ...SELECTOR_GROUPS, ...PAGES].sort();
    expect(rows.map((r) => r.name).sort()).toEqual(expected);
  });

  it('says each one’s evidence and the date it was seen', () => {
    for (const row of rows) {
      expect([row.name, EVIDENCE.test(row.evidence)]).toEqual([row.name, true]);
      expect([row.name, /\d{4}/.test(row.date)]).toEqual([row.name, true]);
      expect(row.what.length).toBeGreaterThan(3);
    }
  });

  it('lists the selector groups the page features use, including the real-structure ones', () => {
    expect(SELECTOR_GROUPS).toEqual(expect.arrayContaining(['ACCOUNT_HEALTH_ODR_SUMMARY', 'TRACKING_INPUTS', 'NO_TRACKING_CHECKBOX', 'ORDER_ROWS']));
    expect(READERS).toEqual(expect.arrayContaining(['readFeedbacksApi', 'readOrdersApiSearch', 'readCountOrders', 'readAccountHealth']));
  });
});
