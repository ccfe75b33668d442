// Cancel order (/orders-v3/order/{id}/cancel): loads the order and offers the reasons Amazon allows for it
// (`possibleCancelReasons`), as Seller Central does. Submitting POSTs the reason and shows the order again.
import { getJson, h, show, showError } from './common.js';

const orderId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[2] ?? '');

const REASON_LABELS = {
  NoInventory: 'No inventory',
  BuyerCanceled: 'Buyer canceled',
  GeneralAdjustment: 'General adjustment',
  ShippingAddressUndeliverable: 'Shipping address undeliverable',
  CustomerExchange: 'Customer exchange',
  PricingError: 'Pricing error',
};

async function render() {
  try {
    const { order } = await getJson(`/orders-api/order/${encodeURIComponent(orderId)}`);
    const request = order.orderItems.find((i) => i.isBuyerRequestedCancel);
    const reason = h(
      'select',
      { name: 'reason', id: 'cancel-reason', 'data-test-id': 'cancel-reason-select' },
      h('option', { value: '' }, 'Select a reason'),
      order.possibleCancelReasons.map((r) => h('option', { value: r }, REASON_LABELS[r] ?? r)),
    );
    const form = h(
      'form',
      { id: 'cancel-order-form', class: 'card' },
      h(
        'table',
        { class: 'sc-table', id: 'cancel-items' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Product', 'Quantity', 'Cancel'].map((c) => h('th', {}, c)),
          ),
        ),
        h(
          'tbody',
          {},
          order.orderItems.map((item) =>
            h(
              'tr',
              {},
              h('td', {}, item.Title, h('div', { class: 'muted' }, `SKU: ${item.SellerSKU}`)),
              h('td', {}, item.QuantityOrdered),
              h('td', {}, h('input', { type: 'checkbox', checked: true, disabled: true })),
            ),
          ),
        ),
      ),
      h('label', { class: 'field', for: 'cancel-reason' }, 'Reason for cancellation', reason),
      h(
        'div',
        { class: 'form-actions' },
        h('a', { href: `/orders-v3/order/${order.amazonOrderId}` }, 'Back'),
        h('button', { type: 'submit', class: 'primary', 'data-test-id': 'cancel-order-button' }, 'Submit'),
      ),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await getJson(`/orders-api/order/${encodeURIComponent(orderId)}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: reason.value }),
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
        ' › Cancel order',
      ),
      h('h1', {}, 'Cancel order'),
      h('div', { id: 'order-id' }, 'Order ID: # ', h('span', { 'data-test-id': 'order-id-value', class: 'a-text-bold' }, order.amazonOrderId)),
      request
        ? h(
            'div',
            { class: 'notice', id: 'buyer-cancel-request', style: 'margin: 10px 0 16px' },
            h('b', {}, 'Buyer requested cancellation. '),
            `Reason: ${request.cancelReason ?? 'not given'}`,
          )
        : null,
      form,
    );
    document.title = `Cancel order ${order.amazonOrderId} - Seller Central`;
  } catch (error) {
    showError(error);
  }
}

render();
