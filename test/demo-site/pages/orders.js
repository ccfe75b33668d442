// Manage Orders: a single-page app like the real one. Tabs change the URL with history.pushState (no
// page load), and every tab or page change fetches /orders-api/search again and re-renders the table.
// Real (manage-orders-list.selectors.2019-2025.md): the table #myo-table, rows tr#row-{orderId}, tab links
// a[data-test-id='tab-/mfn/…'], the results-per-page <select id=myo-table-results-per-page>; the tile counts'
// POST /orders-api/countOrders → {keyToCountMap} (2026 capture). Every cell's layout and class is invented.
import { badge, formatDate, formatDateTime, formatMoney, getJson, h, show, showError } from './common.js';

const TABS = [
  { id: '/mfn/pending', label: 'Pending', path: '/orders-v3/mfn/pending', fulfillmentType: 'mfn', orderStatus: 'pending', count: '/mfn/pending' },
  { id: '/mfn/unshipped', label: 'Unshipped', path: '/orders-v3/mfn/unshipped', fulfillmentType: 'mfn', orderStatus: 'unshipped', count: '/mfn/unshipped' },
  { id: '/mfn/canceled', label: 'Cancelled', path: '/orders-v3/mfn/canceled', fulfillmentType: 'mfn', orderStatus: 'canceled', count: '/mfn/canceled' },
  { id: '/mfn/shipped', label: 'Sent', path: '/orders-v3/mfn/shipped', fulfillmentType: 'mfn', orderStatus: 'shipped' },
  { id: '/fba/all', label: 'Fulfilled by Amazon', path: '/orders-v3/fba/all', fulfillmentType: 'fba', orderStatus: 'all' },
];
const PAGE_SIZES = [15, 100];
// What the page asks countOrders for: one query per tile (the real request's body was captured only as a shape).
const COUNT_QUERIES = Object.fromEntries(
  ['/mfn/pending', '/mfn/unshipped', '/mfn/canceled', 'Ship by today', 'Verge Of Cancellation', 'Verge Of Late Shipment'].map((k) => [k, {}]),
);

let counts = null;
let renderToken = 0;

function currentTab() {
  const path = location.pathname.replace(/\/$/, '');
  return TABS.find((t) => t.path === path) ?? (path === '/orders-v3/pending' ? TABS[0] : TABS[1]);
}

function currentPaging() {
  const params = new URLSearchParams(location.search);
  const size = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 15;
  return { page: Math.max(1, Number(params.get('page')) || 1), size };
}

function navigate(url) {
  history.pushState(null, '', url);
  render();
}

function pageUrl(tab, page, size) {
  const params = new URLSearchParams();
  if (page > 1) params.set('page', String(page));
  if (size !== 15) params.set('pageSize', String(size));
  const query = params.toString();
  return tab.path + (query ? `?${query}` : '');
}

function tabStrip(active) {
  return h(
    'nav',
    { class: 'tabs', role: 'tablist' },
    TABS.map((tab) =>
      h(
        'a',
        {
          href: tab.path,
          'data-test-id': `tab-${tab.id}`,
          class: tab === active ? 'active' : null,
          role: 'tab',
          'aria-selected': String(tab === active),
          onclick: (event) => {
            event.preventDefault();
            navigate(tab.path);
          },
        },
        tab.label,
        counts && tab.count ? h('span', { class: 'count' }, `(${counts[tab.count]})`) : null,
      ),
    ),
  );
}

function statusCell(order, now) {
  const late = order.isMerchantFulfilled && order.orderFulfillmentStatus === 'Unshipped' && order.latestShipDate < now;
  const status = { Unshipped: 'Unshipped', Shipped: 'Shipped', Canceled: 'Cancelled', Pending: 'Pending' }[order.orderFulfillmentStatus];
  const pkg = order.packages?.[0];
  return h(
    'td',
    { class: 'order-status' },
    badge(status, order.orderFulfillmentStatus === 'Canceled' ? 'grey' : late ? 'red' : order.orderFulfillmentStatus === 'Shipped' ? 'green' : 'amber'),
    late ? badge('Late', 'red') : null,
    order.orderFulfillmentStatus === 'Unshipped' || order.orderFulfillmentStatus === 'Pending'
      ? h('div', {}, 'Ship by: ', h('span', { class: 'ship-by-date' }, formatDateTime(order.latestShipDate)))
      : null,
    h('div', { class: 'muted' }, 'Deliver by: ', formatDate(order.latestDeliveryDate)),
    pkg ? h('div', { class: 'muted' }, pkg.Carrier ?? 'Carrier unknown', ' ', pkg.TrackingId ?? '(no tracking ID)') : null,
  );
}

function orderRow(order, now) {
  // `orderIdentifier`: the demo as if Amazon had renamed the key (DemoSite.changedLayout).
  const id = order.amazonOrderId ?? order.orderIdentifier;
  return h(
    'tr',
    { id: `row-${id}` },
    h('td', {}, h('div', {}, formatDate(order.orderDate)), h('div', { class: 'muted' }, order.relativeOrderDate)),
    h(
      'td',
      {},
      h('a', { href: `/orders-v3/order/${id}`, 'data-test-id': 'order-id-link' }, id),
      h('div', { class: 'muted' }, `Fulfillment: ${order.isMerchantFulfilled ? 'Seller' : 'Amazon'}`),
      h('div', { class: 'muted' }, `Sales channel: ${order.salesChannel}`),
    ),
    h(
      'td',
      {},
      order.orderItems.map((item) =>
        h(
          'div',
          {},
          h('a', { href: item.productLink }, item.productName),
          h('div', { class: 'muted' }, `ASIN: ${item.asin} · SKU: ${item.sellerSku} · Quantity: ${item.quantityOrdered} · ${formatMoney(item.unitPrice)}`),
        ),
      ),
    ),
    h('td', {}, order.shippingService),
    statusCell(order, now),
    h(
      'td',
      {},
      order.isMerchantFulfilled && order.orderFulfillmentStatus === 'Unshipped'
        ? [h('button', { class: 'primary', type: 'button' }, 'Confirm shipment'), h('div', {}, h('button', { type: 'button' }, 'Print packing slip'))]
        : h('button', { type: 'button' }, 'View order'),
    ),
  );
}

function pager(tab, paging, total) {
  const pages = Math.max(1, Math.ceil(total / paging.size));
  const go =
    (page, size = paging.size) =>
    (event) => {
      event.preventDefault();
      navigate(pageUrl(tab, page, size));
    };
  const numbers = [];
  for (let p = Math.max(1, paging.page - 2); p <= Math.min(pages, paging.page + 2); p++) {
    numbers.push(h('button', { type: 'button', 'data-page': p, 'aria-current': p === paging.page ? 'page' : null, onclick: go(p) }, p));
  }
  return h(
    'div',
    { class: 'pager', 'data-test-id': 'pagination' },
    h(
      'label',
      {},
      'Results per page: ',
      h(
        'select',
        { id: 'myo-table-results-per-page', 'data-test-id': 'page-size', onchange: (e) => navigate(pageUrl(tab, 1, Number(e.target.value))) },
        PAGE_SIZES.map((s) => h('option', { value: s, selected: s === paging.size }, s)),
      ),
    ),
    h('button', { type: 'button', 'data-test-id': 'previous-page', disabled: paging.page <= 1, onclick: go(paging.page - 1) }, 'Previous'),
    numbers,
    h('button', { type: 'button', 'data-test-id': 'next-page', disabled: paging.page >= pages, onclick: go(paging.page + 1) }, 'Next'),
  );
}

async function render() {
  const token = ++renderToken;
  const tab = currentTab();
  const paging = currentPaging();
  const query = new URLSearchParams({
    limit: String(paging.size),
    offset: String((paging.page - 1) * paging.size),
    fulfillmentType: tab.fulfillmentType,
    orderStatus: tab.orderStatus,
  });
  try {
    // Like the real page, the tile counts and the table load side by side.
    const [tiles, result] = await Promise.all([
      counts
        ? null
        : getJson('/orders-api/countOrders', {
            method: 'POST',
            body: JSON.stringify({ keyToQueryMap: COUNT_QUERIES }),
            headers: { 'content-type': 'application/json' },
          }),
      getJson(`/orders-api/search?${query}`),
    ]);
    counts ??= tiles.keyToCountMap;
    if (token !== renderToken) return; // a newer navigation already rendered
    const now = Date.now() / 1000;
    const first = result.total ? result.offset + 1 : 0;
    const last = result.offset + result.orders.length;
    show(
      h('h1', {}, 'Manage Orders'),
      tabStrip(tab),
      h(
        'div',
        { class: 'toolbar' },
        h('span', { 'data-test-id': 'results-count' }, `${first}–${last} of ${result.total} orders`),
        h('span', { class: 'muted' }, 'Sort: ', tab.orderStatus === 'unshipped' ? 'Ship-by date (ascending)' : 'Order date (newest first)'),
      ),
      h(
        'table',
        { class: 'sc-table', id: 'myo-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Order date', 'Order details', 'Product name', 'Customer option', 'Order status', 'Action'].map((c) => h('th', {}, c)),
          ),
        ),
        h('tbody', {}, result.orders.length ? result.orders.map((o) => orderRow(o, now)) : h('tr', {}, h('td', { colspan: 6 }, 'No orders found.'))),
      ),
      pager(tab, paging, result.total),
    );
    document.title = `Manage Orders - ${tab.label} - Seller Central`;
  } catch (error) {
    if (token === renderToken) showError(error);
  }
}

window.addEventListener('popstate', render);
render();
