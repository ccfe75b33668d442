// Feedback Manager: loads /fbmapi/v1/feedbacks and renders Katal-like custom elements. As on Amazon,
// <kat-star-rating> and <kat-link> draw inside shadow roots: their value is in attributes (value, label, href).
import { formatDate, getJson, h, show, showError } from './common.js';

customElements.define('kat-star-rating', class extends HTMLElement {
  connectedCallback() {
    const value = Number(this.getAttribute('value')) || 0;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.textContent = '★'.repeat(value) + '☆'.repeat(5 - value);
  }
});
customElements.define('kat-link', class extends HTMLElement {
  connectedCallback() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const a = document.createElement('a');
    a.href = this.getAttribute('href') ?? '#';
    a.textContent = this.getAttribute('label') ?? '';
    a.style.color = '#007185';
    root.replaceChildren(a);
  }
});

const PAGE_SIZE = 25;

function cell(cls, ...children) {
  return h('kat-table-cell', { class: cls }, ...children);
}

// Feedback Manager's "Request removal" for one order: `#/request-removal/{orderId}` (the demo's stand-in
// for Amazon's removal request; Redline only links here, it never submits anything).
function removalPanel() {
  const match = /^#\/request-removal\/([\w-]+)$/.exec(location.hash);
  if (!match) return null;
  return h('div', { class: 'card', id: 'removal-request' },
    h('h2', {}, 'Request feedback removal'),
    h('p', {}, 'Order ID: ', h('b', {}, match[1])),
    h('p', { class: 'muted' }, 'Amazon reviews the feedback against its removal guidelines. You will be told the outcome.'),
    h('button', { type: 'button', class: 'primary' }, 'Request removal'));
}

window.addEventListener('hashchange', () => render());

async function render(pageNumber = 1) {
  try {
    const data = await getJson(`/fbmapi/v1/feedbacks?pageSize=${PAGE_SIZE}&pageNumber=${pageNumber}`);
    const pages = Math.max(1, Math.ceil(data.totalCount / PAGE_SIZE));
    show(
      h('h1', {}, 'Feedback Manager'),
      removalPanel(),
      h('p', { class: 'muted' }, `${data.totalCount} feedback entries in the last 365 days`),
      h('kat-table', { id: 'feedback-table' },
        h('kat-table-head', {}, h('kat-table-row', {},
          ['Date', 'Rating', 'Comments', 'Arrived on time', 'Item as described', 'Order ID'].map((c) => h('kat-table-cell', {}, c)))),
        h('kat-table-body', {}, data.feedbacks.map((f) =>
          h('kat-table-row', { 'data-feedback-id': f.feedbackId, class: f.status === 'REMOVED' ? 'removed' : null },
            cell('col_order_date', formatDate(f.feedbackDate, 'ms')),
            cell('col_feedback_rating', h('kat-star-rating', { value: f.rating })),
            cell('col_comments', f.status === 'REMOVED' ? h('s', {}, f.comments) : f.comments,
              f.status === 'REMOVED' ? h('div', { class: 'muted' }, 'Removed by Amazon') : null),
            cell('col_arrived_on_time', f.arrivedOnTime ? 'Yes' : 'No'),
            cell('col_item_as_described', f.itemAsDescribed ? 'Yes' : 'No'),
            cell('col_order_id', h('kat-link', { href: `/orders-v3/order/${f.orderId}`, label: f.orderId })))))),
      h('div', { class: 'pager' },
        h('button', { type: 'button', 'data-test-id': 'previous-page', disabled: pageNumber <= 1, onclick: () => render(pageNumber - 1) }, 'Previous'),
        h('span', {}, `Page ${pageNumber} of ${pages}`),
        h('button', { type: 'button', 'data-test-id': 'next-page', disabled: pageNumber >= pages, onclick: () => render(pageNumber + 1) }, 'Next')));
    document.title = 'Feedback Manager - Seller Central';
  } catch (error) {
    showError(error);
  }
}

render();
