import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../lib/messaging/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const tab = (url: string) => ({ id: 1, url });

describe('message sender check', () => {
  it('accepts our own pages for every message', () => {
    expect(isTrustedSender({ id: ID, url: `${ORIGIN}popup.html` }, 'deleteAllData', ID, ORIGIN)).toBe(true);
    expect(isTrustedSender({ id: ID, url: `${ORIGIN}options.html` }, 'importBatches', ID, ORIGIN)).toBe(true);
  });

  it('accepts our content script on Seller Central for capture and badge messages only', () => {
    const url = 'https://sellercentral.amazon.de/orders-v3/mfn/unshipped';
    const sender = { id: ID, url, tab: tab(url) };
    expect(isTrustedSender(sender, 'captureResponse', ID, ORIGIN)).toBe(true);
    expect(isTrustedSender(sender, 'getOrderRisks', ID, ORIGIN)).toBe(true);
    expect(isTrustedSender(sender, 'deleteAllData', ID, ORIGIN)).toBe(false);
    expect(isTrustedSender(sender, 'saveSettings', ID, ORIGIN)).toBe(false);
  });

  it.each([
    ['another extension', { id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/x.html' }],
    ['a web page via externally_connectable', { url: 'https://sellercentral.amazon.com/' }],
    ['our content script on a non-Seller-Central page', { id: ID, url: 'https://www.amazon.com/', tab: tab('https://www.amazon.com/') }],
    ['a look-alike host', { id: ID, url: 'https://sellercentral.amazon.com.evil.test/', tab: tab('https://sellercentral.amazon.com.evil.test/') }],
    ['plain http', { id: ID, url: 'http://sellercentral.amazon.com/', tab: tab('http://sellercentral.amazon.com/') }],
    ['no url at all', { id: ID, tab: { id: 3 } }],
  ])('rejects %s', (_label, sender) => {
    expect(isTrustedSender(sender, 'captureResponse', ID, ORIGIN)).toBe(false);
  });
});
