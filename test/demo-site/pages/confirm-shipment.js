// Confirm shipment (/orders-v3/order/{id}/confirm-shipment), edit shipment (…/edit-shipment: "Re-confirm Shipment")
// and Buy Shipping (…/buy-shipping): loads the order, then a package with the fields Seller Central's form has.
// Real (a public 2024–2025 extension that fills this form in, shared/reference/seller-central/2026/
// confirm-shipment-form.selectors.2024-2025.md): the carrier <select> inside [data-test-id=tvs-carrier-dropdown] with
// carrier names as option values, input[data-test-id=text-input-carrier] for "Other", .shipping-service-dropdown and
// input[data-test-id=shipping-service], input[data-test-id=text-input-tracking-id], #missing-tracking-id-checkbox, the
// submit input inside [data-test-id=confirm-shipment-button-action] ("Confirm shipment"; "Re-confirm Shipment" on
// edit-shipment). Invented: every id and class not named there, the labels' wording, the layout, and the POST the
// demo sends (Amazon's own submit request is not known).
import { formatDateTime, getJson, h, show, showError } from './common.js';

const parts = location.pathname.split('/').filter(Boolean);
const orderId = decodeURIComponent(parts[2] ?? '');
const mode = parts[3]; // confirm-shipment | edit-shipment | buy-shipping

// Seller Central's carrier list for amazon.com (a selection), "Other" last with a name field.
const CARRIERS = ['USPS', 'UPS', 'FedEx', 'DHL', 'DHL eCommerce', 'OnTrac', 'Amazon Shipping', 'Other'];
const SERVICES = ['Ground', 'Priority Mail', 'Express', 'Standard'];

const TITLES = { 'confirm-shipment': 'Confirm shipment', 'edit-shipment': 'Edit shipment', 'buy-shipping': 'Buy shipping' };

function field(label, ...controls) {
  return h('div', { class: 'a-row a-spacing-small' }, h('label', { class: 'a-form-label' }, label), ...controls);
}

async function render() {
  try {
    const { order } = await getJson(`/orders-api/order/${encodeURIComponent(orderId)}`);
    const shipped = order.packages?.[0];
    const carrier = h(
      'select',
      { class: 'a-native-dropdown' },
      h('option', { value: '' }, 'Select carrier'),
      CARRIERS.map((c) => h('option', { value: c, selected: shipped?.Carrier === c }, c)),
    );
    const otherName = h('input', { type: 'text', 'data-test-id': 'text-input-carrier', placeholder: 'Carrier name', hidden: true });
    carrier.addEventListener('change', () => {
      otherName.hidden = carrier.value !== 'Other';
    });
    const service = h(
      'select',
      { class: 'a-native-dropdown' },
      h('option', { value: '' }, 'Select shipping service'),
      SERVICES.map((s) => h('option', { value: s }, s)),
    );
    const serviceText = h('input', { type: 'text', 'data-test-id': 'shipping-service', placeholder: 'Shipping service' });
    const tracking = h('input', {
      type: 'text',
      'data-test-id': 'text-input-tracking-id',
      autocomplete: 'off',
      placeholder: 'Tracking ID',
      value: shipped?.TrackingId ?? null,
    });
    const noTracking = h('input', { type: 'checkbox', id: 'missing-tracking-id-checkbox' });
    noTracking.addEventListener('change', () => {
      tracking.disabled = noTracking.checked;
    });
    const submitLabel = mode === 'edit-shipment' ? 'Re-confirm Shipment' : 'Confirm shipment';
    const form = h(
      'form',
      { id: 'confirm-shipment-form', class: 'card' },
      h(
        'div',
        { class: 'a-box package-box' },
        h('h3', {}, 'Package 1'),
        field('Ship date', h('input', { type: 'date', value: new Date().toISOString().slice(0, 10) })),
        field('Carrier', h('span', { 'data-test-id': 'tvs-carrier-dropdown', class: 'a-dropdown-container' }, carrier), otherName),
        field('Shipping service', h('span', { class: 'shipping-service-dropdown' }, service), serviceText),
        field('Tracking ID', tracking),
        h('div', { class: 'a-checkbox' }, h('label', {}, noTracking, ' I don’t have a tracking ID for this package')),
      ),
      h(
        'div',
        { class: 'form-actions' },
        h('a', { href: `/orders-v3/order/${order.amazonOrderId}` }, 'Cancel'),
        h(
          'span',
          { 'data-test-id': 'confirm-shipment-button-action', class: 'a-button a-button-primary' },
          h('span', { class: 'a-button-inner' }, h('input', { class: 'a-button-input', type: 'submit', value: submitLabel })),
        ),
      ),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await getJson(`/orders-api/order/${encodeURIComponent(orderId)}/${mode === 'edit-shipment' ? 'edit-shipment' : 'confirm-shipment'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          carrier: carrier.value,
          carrierName: otherName.value,
          shippingService: serviceText.value || service.value,
          trackingId: noTracking.checked ? '' : tracking.value,
        }),
      });
      location.assign(`/orders-v3/order/${order.amazonOrderId}`);
    });
    show(
      h(
        'div',
        { class: 'muted' },
        h('a', { href: '/orders-v3/mfn/unshipped' }, 'Manage Orders'),
        ' › ',
        h('a', { href: `/orders-v3/order/${order.amazonOrderId}` }, 'Order details'),
        ` › ${TITLES[mode]}`,
      ),
      h('h1', {}, TITLES[mode]),
      h(
        'div',
        { id: 'order-id' },
        'Order ID: # ',
        h('span', { 'data-test-id': 'order-id-value', class: 'a-text-bold' }, order.amazonOrderId),
        h('span', { class: 'muted' }, ` · Ship by ${formatDateTime(order.latestShipDate)}`),
      ),
      mode === 'buy-shipping' ? h('p', { class: 'muted' }, 'Shipping a package you labelled yourself? Enter its carrier and tracking ID.') : null,
      form,
    );
    document.title = `${TITLES[mode]} ${order.amazonOrderId} - Seller Central`;
  } catch (error) {
    showError(error);
  }
}

render();
