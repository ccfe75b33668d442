import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAny } from '../../../lib/readers';
import { DemoSite } from '../../demo-site/server';
import { readResponse } from '../../../lib/readers';
import { fixture, FIXTURES, OBSERVED, US } from './helpers';

/**
 * seller-central.md, privacy rules: buyer names, addresses, e-mails, phone numbers and the opaque
 * `blob` / `customerOrderItemCode` tokens are dropped at parse time. Every fixture is read, and
 * every personal value the fixtures hold must be absent from every batch.
 */
const PERSONAL = [
  // SP-API examples
  'John Smith',
  'buyer-email@marketplace.amazon.com',
  'Smith Industries',
  '123 Main Street',
  '555-123-4567',
  '98101',
  'James Wilson',
  'buyer-email@marketplace.amazon.co.uk',
  '123 High Street',
  'M1 2AB',
  '+44 161 123 4567',
  'John Doe',
  'user@example.com',
  'Michigan address',
  '1 Cross St.',
  '48817',
  'Happy Holidays',
  'For you!',
  // Seller Central capture
  'VJtVTTcMNGGDH5fnPPdtUKp9pEgFbL9IfLAVtmU65kk',
  'REDACTED',
  // synthetic reports
  'jane.buyer@example.com',
  'john.q.public@example.org',
  'happy.customer@example.net',
  'erika.mustermann@example.de',
  'max.mustermann@example.de',
  'taro.yamada@example.jp',
  'Jane Q. Buyer',
  '742 Evergreen Terrace',
  '+1 206-555-0142',
  'Springfield',
  'Shelbyville',
  '97403',
  '97404',
  // demo site
  'DEMO-OPAQUE',
  '@marketplace.example.invalid',
];

const files = (dir: string): string[] =>
  readdirSync(FIXTURES + dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${dir}${e.name}/`) : /\.(json|tsv)$/.test(e.name) ? [`${dir}${e.name}`] : [],
  );

describe('no buyer personal data in any batch', () => {
  const paths = [...files('amazon-sp-api/'), ...files('seller-central/'), ...files('synthetic/')];

  it.each(paths)('%s', (path) => {
    const result = readAny(fixture(path), { observedAt: OBSERVED, marketplaceId: US });
    const text = JSON.stringify(result);
    for (const value of PERSONAL) expect(text, value).not.toContain(value);
  });

  it('the fixtures do hold such data (else this test proves nothing)', () => {
    const all = paths.map(fixture).join('\n');
    expect(PERSONAL.filter((v) => !all.includes(v) && !['DEMO-OPAQUE', '@marketplace.example.invalid'].includes(v))).toEqual([]);
  });

  it('the demo site’s tokens and relay addresses are dropped too', () => {
    const site = new DemoSite({ seed: 3, now: Date.UTC(2026, 10, 26, 20) });
    const id = site.seller.orders[0]!.amazonOrderId;
    for (const path of ['/orders-api/search?limit=100&orderStatus=all&fulfillmentType=all', `/orders-api/order/${id}`, '/fbmapi/v1/feedbacks']) {
      const r = site.respond('GET', `https://sellercentral.amazon.com${path}`);
      expect(r.body).toMatch(/DEMO-OPAQUE|example\.invalid|raterEmail/);
      const text = JSON.stringify(readResponse(path, r.status, r.contentType, r.body, { observedAt: OBSERVED }));
      expect(text).toMatch(/"ok":true/);
      for (const value of PERSONAL) expect(text, value).not.toContain(value);
    }
  });
});
