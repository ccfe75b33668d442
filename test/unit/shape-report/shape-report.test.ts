import { describe, expect, it } from 'vitest';
import { domShape } from '../../../lib/shape-report/dom';
import { jsonShape, MAX_CHARS } from '../../../lib/shape-report/json';
import { problemOf, shapeReportText } from '../../../lib/shape-report/report-text';
import { DemoSite } from '../../demo-site/server';
import { fixture } from '../readers/helpers';

/**
 * A shape report may hold names and types only (lib/shape-report/): whatever a page or answer held,
 * no value of it survives. Checked on real captures, the demo's answers and pages (the hostile demo's
 * too) and on a page made of nothing but a buyer's and an order's data.
 */

/** Every leaf value of a JSON document, and every key (keys are names: they may appear). */
function valuesAndKeys(value: unknown, values = new Set<string>(), keys = new Set<string>()): { values: Set<string>; keys: Set<string> } {
  if (Array.isArray(value)) value.forEach((v) => valuesAndKeys(v, values, keys));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      valuesAndKeys(v, values, keys);
    }
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values.add(String(value));
  return { values, keys };
}

/** No digit at all (ids, counts, prices, dates), and no value a page gave (long enough to be one, not also a name). */
function expectNoValue(report: string, values: Iterable<string>, names: Set<string> = new Set()) {
  expect(report).not.toMatch(/\d/);
  const words = new Set(report.split(/[^\p{L}]+/u).filter(Boolean));
  for (const value of values) {
    const text = value.trim();
    if (text.length < 4 || names.has(text) || /^(true|false|null|string|number|boolean|object|array)$/.test(text)) continue;
    // A one-word value may be a word the report uses as a name, or part of one (`Ship` of `latestShipDate`).
    if (!/\s/.test(text) && (words.has(text) || [...names].some((n) => n.includes(text)))) continue;
    expect(report, text).not.toContain(text.slice(0, 200));
  }
}

const JSON_SAMPLES = [
  'seller-central/orders-api/search_mfn-unshipped_2021-11.json',
  'seller-central/orders-api/order-detail_2021-11.json',
  'seller-central/2026/fbmapi-feedbacks.2026-07.IN.excerpt.json',
  'seller-central/2026/fbmapi-aggregates.2026-07.IN.json',
  'seller-central/2026/orders-api-countOrders.2026-07.IN.json',
  'seller-central/2026/orders-api-manifest-v3.2026-07.IN.excerpt.json',
  'amazon-sp-api/orders-2026_getOrder.json',
];

describe('the JSON shape report', () => {
  it.each(JSON_SAMPLES)('%s: keys and types, no value', (path) => {
    const body = JSON.parse(fixture(path)) as unknown;
    const report = jsonShape(body);
    const { values, keys } = valuesAndKeys(body);
    expectNoValue(report, values, keys);
    // The keys are there (digits masked), with their types.
    expect(report).toMatch(/: (string|number|boolean|null)/);
  });

  it('shows a real feedback row’s keys and types, arrays without their length', () => {
    const report = jsonShape(fixture('seller-central/2026/fbmapi-feedbacks.2026-07.IN.excerpt.json'));
    expect(report).toContain('feedbacks: [ {');
    expect(report).toContain('numericRating: number');
    expect(report).toContain('suppressReasonId: null | string');
    expect(report).toContain('suppressed: boolean');
  });

  it('the demo’s answers, the hostile ones too (1 MB strings, markup, bidi controls in every text)', () => {
    const site = new DemoSite({ seed: 7, now: Date.UTC(2026, 10, 26, 20), hostile: true });
    for (const path of [
      '/orders-api/search?limit=100&orderStatus=all&fulfillmentType=all',
      `/orders-api/order/${site.seller.hostile!.orderIds[0]}`,
      '/fbmapi/v1/feedbacks?pageSize=100',
      '/chargebacks/api/v1/chargebacks',
      '/gp/guarantee-claims/api/claims',
    ]) {
      const body = JSON.parse(site.respond('GET', `https://sellercentral.amazon.com${encodeURI(path)}`).body) as unknown;
      const report = jsonShape(body);
      expect(report.length).toBeLessThanOrEqual(MAX_CHARS + 2);
      const { values, keys } = valuesAndKeys(body);
      expectNoValue(report, values, keys);
    }
  });

  it('keys that carry data are masked: an order id, an e-mail, a sentence', () => {
    const report = jsonShape({ '114-7941379-5480234': { status: 'x' }, 'jane.buyer@example.com': 1, 'I received only one of the two': true });
    expect(report).not.toMatch(/\d|jane|received/);
    expect(report).toContain('#-#-#: {');
    expect(report).toContain('<name>: boolean | number');
  });

  it('text that is not JSON is said to be so, and nothing else', () => {
    expect(jsonShape('<html>Jane Q. Buyer</html>')).toBe('(not JSON)');
  });
});

const PERSONAL_PAGE = `<main id="sc-content">
  <h1>Order 114-7941379-5480234 for Jane Q. Buyer</h1>
  <div id="row-114-7941379-5480234" class="order-row a-span3" data-test-id="order-114-7941379-5480234" title="Jane Q. Buyer, 742 Evergreen Terrace">
    <a href="/orders-v3/order/114-7941379-5480234?buyer=jane.buyer@example.com">114-7941379-5480234</a>
    <span class="a-size-large">2.94%</span> <span>2 of 68 orders</span> <span class="price">$11.99</span>
    <input data-test-id="text-input-tracking-id" value="1Z999AA10123456784" placeholder="Jane's number">
    <kat-link label="Springfield, OR 97403" href="tel:+12065550142"></kat-link>
    <p>I received only one of the two, the box was crushed — jane.buyer@example.com</p>
  </div>
  <div id="row-114-0000002-0000002" class="order-row"><a href="/x">114-0000002-0000002</a></div>
  <script>var secret = 'DEMO-OPAQUE-TOKEN';</script>
</main>`;
const PERSONAL_VALUES = [
  '114-7941379-5480234',
  'Jane Q. Buyer',
  'Jane',
  '742 Evergreen Terrace',
  'jane.buyer@example.com',
  '2.94%',
  '68 orders',
  '$11.99',
  '1Z999AA10123456784',
  'Springfield',
  '97403',
  '+12065550142',
  'I received only one',
  'crushed',
  'DEMO-OPAQUE-TOKEN',
  'secret',
  'buyer=',
];

function page(html: string): Element {
  const doc = document.implementation.createHTMLDocument('page');
  doc.body.innerHTML = html;
  return doc.querySelector('main') ?? doc.body;
}

describe('the page shape report', () => {
  it('names elements by tag, id, class and test id, attributes by name only, and keeps no text or value', () => {
    const report = domShape(page(PERSONAL_PAGE));
    expectNoValue(report, PERSONAL_VALUES);
    expect(report).toContain('div#row-#-#-#.order-row.a-span#[data-test-id=order-#-#-#][title]');
    expect(report).toContain('input[data-test-id=text-input-tracking-id][placeholder][value]');
    expect(report).toContain('kat-link[href][label]');
    expect(report).toContain('span.a-size-large  "…"');
    expect(report).not.toContain('script');
  });

  it('writes siblings of the same shape once, without their count', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<tr id="row-114-000000${i}-0000001"><td>x</td></tr>`).join('');
    const report = domShape(page(`<main><table><tbody>${rows}</tbody></table></main>`));
    expect(report.match(/tr#row-#-#-#/g)).toHaveLength(1);
    expect(report).toContain('(repeated)');
  });

  it('the demo’s Account Health page and the hand-built real-structure pages: structure, no figure', () => {
    const site = new DemoSite({ seed: 7, now: Date.UTC(2026, 10, 26, 20) });
    const pages = [
      site.respond('GET', 'https://sellercentral.amazon.com/performance/dashboard').body,
      fixture('seller-central/pages/account-health.aui-2025.html'),
      fixture('seller-central/pages/confirm-shipment.2024-2025.html'),
    ];
    for (const html of pages) {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const report = domShape(doc.querySelector('main, #sc-content') ?? doc.body);
      const texts = [...doc.body.querySelectorAll('*')].flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.nodeValue ?? ''));
      const names = new Set([...doc.body.querySelectorAll('*')].flatMap((el) => [el.id, ...el.classList]));
      expectNoValue(report, texts, names);
      expect(report).not.toMatch(/\d/);
    }
  });

  it('stays bounded on a page of any size', () => {
    const big = `<main>${'<div class="x"><span>1</span><b>2</b></div>'.repeat(5000)}${'<section>'.repeat(200)}deep${'</section>'.repeat(200)}</main>`;
    expect(domShape(page(big)).length).toBeLessThanOrEqual(20_002);
  });
});

describe('the copyable report', () => {
  it('masks every digit, also in the path and the reason, and says what it is', () => {
    const text = shapeReportText({
      page: 'confirmShipment',
      source: '/orders-v3/order/114-7941379-5480234/confirm-shipment',
      reason: 'unknownFormat',
      missing: "the tracking id field (input[data-test-id='text-input-tracking-id'])",
      shape: domShape(page(PERSONAL_PAGE)),
    });
    expect(text).toMatch(/^Redline shape report \(names and types only: no values\)\nPage: Confirm shipment \(\/orders-v#\/order\/#-#-#\/confirm-shipment\)/);
    expectNoValue(text, PERSONAL_VALUES);
  });

  it('says what did not match without any value the reader quoted', () => {
    expect(problemOf('orders-api/search: orders.0.orderDate: Invalid input: expected number, received string')).toBe(
      'orders.#.orderDate: Invalid input: expected number, received string',
    );
    expect(problemOf('orders-api/search: orders.3.latestShipDate: not an instant: Jane Q. Buyer')).toBe(
      'orders.#.latestShipDate: a value Redline does not read',
    );
    expect(problemOf('orders-api/order: order 114-7941379-5480234 names no marketplace')).toBe('a value Redline does not read');
    expect(problemOf('malformed or truncated JSON (Unexpected end of JSON input)')).toBe('a value Redline does not read');
  });
});
