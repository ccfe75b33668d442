// Order details: /orders-v3/order/{orderId} loads /orders-api/order/{orderId}.
import { badge, formatDate, formatDateTime, formatMoney, getJson, h, show, showError } from './common.js';

const orderId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');

function fact(label, value) {
  return [h('dt', {}, label), h('dd', {}, value)];
}

async function render() {
  try {
    const { order } = await getJson(`/orders-api/order/${encodeURIComponent(orderId)}`);
    const status = order.orderStatus;
    const requests = order.orderItems.map((i) => i.BuyerRequestedCancel).filter(Boolean);
    show(
      h('div', { class: 'muted' }, h('a', { href: '/orders-v3/mfn/unshipped' }, 'Manage Orders'), ' › Order details'),
      h('h1', {}, 'Order details'),
      h('div', { id: 'order-id', 'data-test-id': 'order-id' }, 'Order ID: # ', h('b', {}, order.amazonOrderId)),
      h('div', { style: 'margin: 8px 0 14px' },
        badge(status.OrderStatus, status.OrderStatus === 'Shipped' ? 'green' : status.OrderStatus === 'Canceled' ? 'grey' : 'amber'),
        status.Late ? badge('Late', 'red') : null,
        status.AtRiskOfCancellation ? badge('At risk of cancellation', 'red') : null),
      order.actions.includes('confirmShipment')
        ? h('div', { class: 'order-actions', style: 'display: flex; gap: 8px; margin-bottom: 14px' },
            h('a', { class: 'button', href: `/orders-v3/order/${order.amazonOrderId}/confirm-shipment` }, 'Confirm shipment'),
            h('a', { class: 'button', href: `/orders-v3/order/${order.amazonOrderId}/buy-shipping` }, 'Buy shipping'),
            h('a', { class: 'button', href: `/orders-v3/order/${order.amazonOrderId}/cancel` }, 'Cancel order'))
        : null,
      requests.length
        ? h('div', { class: 'notice', id: 'buyer-cancel-request', style: 'margin-bottom: 16px' },
            h('b', {}, 'Buyer requested cancellation. '), `Reason: ${requests[0].BuyerCancelReason ?? 'not given'}`)
        : null,
      h('div', { class: 'grid' },
        h('section', { class: 'card' }, h('h2', {}, 'Order summary'),
          h('dl', { class: 'facts' },
            fact('Ship by', formatDateTime(order.latestShipDate)),
            fact('Deliver by', `${formatDate(order.earliestDeliveryDate)} – ${formatDate(order.latestDeliveryDate)}`),
            fact('Purchase date', formatDateTime(order.purchaseDate)),
            fact('Shipping service', order.shippingService),
            fact('Fulfillment', order.fulfillmentChannel),
            fact('Sales channel', order.salesChannel),
            order.cancellationDate ? fact('Cancels automatically if not confirmed by', formatDateTime(order.cancellationDate)) : [])),
        h('section', { class: 'card', id: 'packages' }, h('h2', {}, 'Shipments'),
          order.packages?.length
            ? h('table', { class: 'sc-table' },
                h('thead', {}, h('tr', {}, ['Carrier', 'Tracking ID', 'Ship date'].map((c) => h('th', {}, c)))),
                h('tbody', {}, order.packages.map((p) =>
                  h('tr', { class: 'package-row' }, h('td', {}, p.carrierName ?? '—'),
                    h('td', {}, p.trackingId ?? badge('No tracking ID', 'red')), h('td', {}, formatDateTime(p.shipDate))))))
            : h('p', { class: 'muted' }, 'Not shipped yet.'))),
      h('section', { class: 'card' }, h('h2', {}, 'Items'),
        h('table', { class: 'sc-table', id: 'order-items' },
          h('thead', {}, h('tr', {}, ['Product', 'Status', 'Quantity', 'Unit price', 'Subtotal'].map((c) => h('th', {}, c)))),
          h('tbody', {}, order.orderItems.map((item) =>
            h('tr', {}, h('td', {}, item.Title, h('div', { class: 'muted' }, `ASIN: ${item.ASIN} · SKU: ${item.SellerSKU}`)),
              h('td', {}, item.ItemStatus.ItemStatus), h('td', {}, item.QuantityOrdered),
              h('td', {}, formatMoney(item.ItemCost.UnitPrice)), h('td', {}, formatMoney(item.ItemCost.Subtotal))))))));
    document.title = `Order details ${order.amazonOrderId} - Seller Central`;
  } catch (error) {
    showError(error);
  }
}

render();
