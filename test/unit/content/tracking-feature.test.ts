import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixture } from '../readers/helpers';
import { useLocale } from '../ui/messages';

interface Asked {
  carrier: string;
  trackingNumber: string;
}
const asked: Asked[] = [];
const reported: Record<string, unknown>[] = [];

vi.mock('../../../lib/messaging/client', () => ({
  sendToBackground: vi.fn(async (message: { type: string } & Asked) => {
    if (message.type === 'getActionImpact') return null;
    if (message.type === 'pageNotRecognized') return void reported.push({ ...message });
    if (message.type === 'checkTracking') {
      asked.push({ carrier: message.carrier, trackingNumber: message.trackingNumber });
      const problems = [...(message.carrier ? [] : [{ kind: 'noCarrier', looksLike: null }]), ...(message.trackingNumber ? [] : [{ kind: 'noNumber' }])];
      // A UPS number for UPS checks out; anything else is a number Redline has no format for.
      const format = message.carrier === 'UPS' && message.trackingNumber.startsWith('1Z') ? 'checked' : 'notChecked';
      return { normalised: message.trackingNumber.toUpperCase(), format, problems };
    }
    throw new Error(`unexpected ${message.type}`);
  }),
}));

const { trackingCheck, carrierOf, packageOf } = await import('../../../lib/content/prevention/tracking-feature');
const { NO_TRACKING_CHECKBOX, TRACKING_INPUTS, queryAllFirst, queryFirst } = await import('../../../lib/dom/selectors');

const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 300));
};

/** The hand-built page of the real confirm-shipment form (test/fixtures/seller-central/pages/). */
function loadForm(): void {
  const page = new DOMParser().parseFromString(fixture('seller-central/pages/confirm-shipment.2024-2025.html'), 'text/html');
  document.body.replaceChildren(...page.body.childNodes);
  // happy-dom does not select an option by its `selected` attribute as browsers do: select it here.
  for (const option of document.querySelectorAll<HTMLOptionElement>('option[selected]')) option.closest('select')!.value = option.value;
}

describe('the tracking check on the real confirm-shipment form', () => {
  let controller: AbortController;
  beforeEach(() => {
    useLocale('en');
    asked.length = 0;
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(
      'https://sellercentral.amazon.com/orders-v3/order/114-7941379-5480234/confirm-shipment',
    );
    loadForm();
    controller = new AbortController();
  });
  afterEach(() => controller.abort());

  it('finds the tracking fields by their data-test-id, never the "no tracking" checkbox, and each package’s own carrier', () => {
    const inputs = queryAllFirst(document, TRACKING_INPUTS) as HTMLInputElement[];
    expect(inputs.map((i) => i.type)).toEqual(['text', 'text']);
    expect(inputs.map(carrierOf)).toEqual(['UPS', 'USPS']);
    expect(queryFirst(document, NO_TRACKING_CHECKBOX)?.id).toBe('missing-tracking-id-checkbox');
    expect(packageOf(inputs[0]!)).not.toBe(packageOf(inputs[1]!));
  });

  it('checks the number as typed with the carrier chosen (UPS), not "no carrier chosen"', async () => {
    const started = trackingCheck.init(controller.signal);
    await started;
    const input = queryFirst(document, TRACKING_INPUTS) as HTMLInputElement;
    input.value = '1Z999AA10123456784';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(asked.at(-1)).toEqual({ carrier: 'UPS', trackingNumber: '1Z999AA10123456784' });
    expect((input.nextElementSibling as HTMLElement).dataset.redlineState).toBe('valid');
  });

  it('ticking "no tracking id" warns that the shipment will count against VTR, beside the box; unticking removes it', async () => {
    await trackingCheck.init(controller.signal);
    const box = queryFirst(document, NO_TRACKING_CHECKBOX) as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(asked.at(-1)).toEqual({ carrier: 'UPS', trackingNumber: '' });
    const note = box.closest('label')!.nextElementSibling as HTMLElement;
    expect(note.tagName).toBe('REDLINE-NOTE');
    expect(note.dataset.redlineState).toBe('noNumber');
    expect(note.shadowRoot?.textContent).toContain('No tracking number: this shipment will count against your Valid Tracking Rate.');
    box.checked = false;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(document.querySelector('redline-note')).toBeNull();
  });

  it('a changed carrier checks that package’s number again', async () => {
    await trackingCheck.init(controller.signal);
    const second = queryAllFirst(document, TRACKING_INPUTS)[1] as HTMLInputElement;
    second.value = '9400100000000000000000';
    second.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    const select = packageOf(second).querySelector('select')!;
    expect(select.value).toBe('USPS');
    expect(asked.at(-1)).toEqual({ carrier: 'USPS', trackingNumber: '9400100000000000000000' });
    select.value = 'UPS';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(asked.at(-1)).toEqual({ carrier: 'UPS', trackingNumber: '9400100000000000000000' });
  });
});

describe('a confirm-shipment form that looks different', () => {
  it('after waiting for the form, says which page, what was not found, and how the page looked, with no value', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(
        'https://sellercentral.amazon.com/orders-v3/order/114-7941379-5480234/confirm-shipment',
      );
      document.body.innerHTML = '<main id="sc-content"><form><input name="trk" value="1Z999AA10123456784"><span>Jane Q. Buyer</span></form></main>';
      reported.length = 0;
      const controller = new AbortController();
      const started = trackingCheck.init(controller.signal);
      await vi.advanceTimersByTimeAsync(15_001);
      await started;
      expect(reported).toEqual([
        expect.objectContaining({
          type: 'pageNotRecognized',
          path: '/orders-v3/order/114-7941379-5480234/confirm-shipment',
          page: 'confirmShipment',
          missing: expect.stringContaining('text-input-tracking-id'),
        }),
      ]);
      const shape = reported[0]!.shape as string;
      expect(shape).toBe('main#sc-content\n  form\n    input[name=trk][value]\n    span  "…"');
      controller.abort();
    } finally {
      vi.useRealTimers();
    }
  });
});
