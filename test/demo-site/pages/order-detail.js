// Order details: /orders-v3/order/{orderId} loads /orders-api/order/{orderId}. Real (2024–2025 scrapers,
// confirm-shipment-form.selectors.2024-2025.md): span[data-test-id=order-id-value] and span[data-test-id=tracking-id-value];
// the rest of the layout is invented.
import { badge, formatDate, formatDateTime, formatMoney, getJson, h, show, showError } from './common.js';

const orderId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');

function fact(label, value) {
  return [h('dt', {}, label), h('dd', {}, value)];
}

async function render() {
  try {
    const { order } = await getJson(`/orders-api/order/${encodeURIComponent(orderId)}`);
    const status = order.orderStatus;
    const requests = order.orderItems.filter((i) => i.isBuyerRequestedCancel);
    show(
      h('div', { class: 'muted' }, h('a', { href: '/orders-v3/mfn/unshipped' }, 'Manage Orders'), ' › Order details'),
      h('h1', {}, 'Order details'),
      h('div', { id: 'order-id' }, 'Order ID: # ', h('span', { 'data-test-id': 'order-id-value', class: 'a-text-bold' }, order.amazonOrderId)),
      h(
        'div',
        { style: 'margin: 8px 0 14px' },
        badge(status.OrderStatus, status.OrderStatus === 'Shipped' ? 'green' : status.OrderStatus === 'Canceled' ? 'grey' : 'amber'),
        status.Late ? badge('Late', 'red') : null,
        status.AtRiskOfCancellation ? badge('At risk of cancellation', 'red') : null,
      ),
      order.actions.includes('confirmShipment')
        ? h(
            'div',
            { class: 'order-actions', style: 'display: flex; gap: 8px; margin-bottom: 14px' },
            h('a', { class: 'button', href: `/orders-v3/order/${order.amazonOrderId}/confirm-shipment` }, 'Confirm shipment'),
            h('a', { class: 'button', href: `/orders-v3/order/${order.amazonOrderId}/buy-shipping` }, 'Buy shipping'),
            h('a', { class: 'button', href: `/orders-v3/order/${order.amazonOrderId}/cancel` }, 'Cancel order'),
          )
        : order.actions.includes('editShipment')
          ? h(
              'div',
              { class: 'order-actions', style: 'margin-bottom: 14px' },
              h('a', { class: 'button', href: `/orders-v3/order/${order.amazonOrderId}/edit-shipment` }, 'Edit shipment'),
            )
          : null,
      requests.length
        ? h(
            'div',
            { class: 'notice', id: 'buyer-cancel-request', style: 'margin-bottom: 16px' },
            h('b', {}, 'Buyer requested cancellation. '),
            `Reason: ${requests[0].cancelReason ?? 'not given'}`,
          )
        : null,
      h(
        'div',
        { class: 'grid' },
        h(
          'section',
          { class: 'card' },
          h('h2', {}, 'Order summary'),
          h(
            'dl',
            { class: 'facts' },
            fact('Ship by', formatDateTime(order.latestShipDate)),
            fact('Deliver by', `${formatDate(order.earliestDeliveryDate)} – ${formatDate(order.latestDeliveryDate)}`),
            fact('Purchase date', formatDateTime(order.purchaseDate)),
            fact('Shipping service', order.shippingService),
            fact('Fulfillment', order.fulfillmentChannel),
            fact('Sales channel', order.salesChannel),
            order.cancellationDate ? fact('Cancels automatically if not confirmed by', formatDateTime(order.cancellationDate)) : [],
          ),
        ),
        h(
          'section',
          { class: 'card', id: 'packages' },
          h('h2', {}, 'Shipments'),
          order.packages?.length
            ? h(
                'table',
                { class: 'sc-table' },
                h(
                  'thead',
                  {},
                  h(
                    'tr',
                    {},
                    ['Carrier', 'Shipping service', 'Tracking ID', 'Ship date'].map((c) => h('th', {}, c)),
                  ),
                ),
                h(
                  'tbody',
                  {},
                  order.packages.map((p) =>
                    h(
                      'tr',
                      { class: 'package-row' },
                      h('td', {}, p.Carrier ?? '—'),
                      h('td', {}, p.ShippingService ?? '—'),
                      h('td', {}, p.TrackingId ? h('span', { 'data-test-id': 'tracking-id-value' }, p.TrackingId) : badge('No tracking ID', 'red')),
                      h('td', {}, formatDateTime(p.ShipDate)),
                    ),
                  ),
                ),
              )
            : h('p', { class: 'muted' }, 'Not shipped yet.'),
        ),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Items'),
        h(
          'table',
          { class: 'sc-table', id: 'order-items' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Product', 'Status', 'Quantity', 'Unit price', 'Subtotal'].map((c) => h('th', {}, c)),
            ),
          ),
          h(
            'tbody',
            {},
            order.orderItems.map((item) =>
              h(
                'tr',
                {},
                h('td', {}, item.Title, h('div', { class: 'muted' }, `ASIN: ${item.ASIN} · SKU: ${item.SellerSKU}`)),
                h('td', {}, item.ItemStatus.ItemStatus),
                h('td', {}, item.QuantityOrdered),
                h('td', {}, formatMoney(item.ItemCost.UnitPrice)),
                h('td', {}, formatMoney(item.ItemCost.Subtotal)),
              ),
            ),
          ),
        ),
      ),
    );
    document.title = `Order details ${order.amazonOrderId} - Seller Central`;
  } catch (error) {
    showError(error);
  }
}

render();
