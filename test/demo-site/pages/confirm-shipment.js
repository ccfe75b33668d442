// Confirm shipment (/orders-v3/order/{id}/confirm-shipment) and Buy Shipping (…/buy-shipping): loads the
// order, then a package row with a carrier select and a tracking-id input, as on Seller Central. Submitting
// POSTs the form and shows the order again.
import { formatDateTime, getJson, h, show, showError } from './common.js';

const parts = location.pathname.split('/').filter(Boolean);
const orderId = decodeURIComponent(parts[2] ?? '');
const buyShipping = parts[3] === 'buy-shipping';

// Seller Central's carrier list for amazon.com (a selection), "Other" last with a name field.
const CARRIERS = ['USPS', 'UPS', 'FedEx', 'DHL', 'DHL eCommerce', 'OnTrac', 'Amazon Shipping', 'Other'];

async function render() {
  try {
    const { order } = await getJson(`/orders-api/order/${encodeURIComponent(orderId)}`);
    const carrier = h('select', { name: 'carrier', id: 'carrier', 'data-test-id': 'carrier-select' },
      h('option', { value: '' }, 'Select carrier'), CARRIERS.map((c) => h('option', { value: c }, c)));
    const otherName = h('input', { name: 'carrierName', id: 'carrier-name', placeholder: 'Carrier name', hidden: true });
    carrier.addEventListener('change', () => { otherName.hidden = carrier.value !== 'Other'; });
    const tracking = h('input', { name: 'trackingId', id: 'tracking-id', 'data-test-id': 'tracking-id-input', autocomplete: 'off', placeholder: 'Tracking ID' });
    const form = h('form', { id: 'confirm-shipment-form', class: 'card' },
      h('table', { class: 'sc-table', id: 'package-table' },
        h('thead', {}, h('tr', {}, ['Package', 'Ship date', 'Carrier', 'Shipping service', 'Tracking ID'].map((c) => h('th', {}, c)))),
        h('tbody', {}, h('tr', { class: 'package-row' },
          h('td', {}, 'Package 1'),
          h('td', {}, h('input', { type: 'date', name: 'shipDate', value: new Date().toISOString().slice(0, 10) })),
          h('td', { class: 'carrier-cell' }, carrier, otherName),
          h('td', {}, h('input', { name: 'shippingService', placeholder: 'e.g. Ground' })),
          h('td', { class: 'tracking-cell' }, tracking)))),
      h('div', { class: 'form-actions' },
        h('a', { href: `/orders-v3/order/${order.amazonOrderId}` }, 'Cancel'),
        h('button', { type: 'submit', class: 'primary', 'data-test-id': 'confirm-shipment-button' }, 'Confirm shipment')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await getJson(`/orders-api/order/${encodeURIComponent(orderId)}/confirm-shipment`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ carrier: carrier.value, carrierName: otherName.value, trackingId: tracking.value }),
      });
      location.assign(`/orders-v3/order/${order.amazonOrderId}`);
    });
    show(
      h('div', { class: 'muted' }, h('a', { href: '/orders-v3/mfn/unshipped' }, 'Manage Orders'), ' › ', h('a', { href: `/orders-v3/order/${order.amazonOrderId}` }, 'Order details'), buyShipping ? ' › Buy shipping' : ' › Confirm shipment'),
      h('h1', {}, buyShipping ? 'Buy shipping' : 'Confirm shipment'),
      h('div', { id: 'order-id', 'data-test-id': 'order-id' }, 'Order ID: # ', h('b', {}, order.amazonOrderId),
        h('span', { class: 'muted' }, ` · Ship by ${formatDateTime(order.latestShipDate)}`)),
      buyShipping ? h('p', { class: 'muted' }, 'Shipping a package you labelled yourself? Enter its carrier and tracking ID.') : null,
      form);
    document.title = `${buyShipping ? 'Buy shipping' : 'Confirm shipment'} ${order.amazonOrderId} - Seller Central`;
  } catch (error) {
    showError(error);
  }
}

render();
