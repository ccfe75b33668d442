// Feedback Manager: loads /fbmapi/v1/feedbacks and renders Katal-like custom elements. As on Amazon,
// <kat-star-rating> and <kat-link> draw inside shadow roots: their value is in attributes (value, label, href).
import { formatDate, getJson, h, show, showError } from './common.js';

customElements.define(
  'kat-star-rating',
  class extends HTMLElement {
    connectedCallback() {
      const value = Number(this.getAttribute('value')) || 0;
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      root.textContent = '★'.repeat(value) + '☆'.repeat(5 - value);
    }
  },
);
customElements.define(
  'kat-link',
  class extends HTMLElement {
    connectedCallback() {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const a = document.createElement('a');
      a.href = this.getAttribute('href') ?? '#';
      a.textContent = this.getAttribute('label') ?? '';
      a.style.color = '#007185';
      root.replaceChildren(a);
    }
  },
);

// As the real page asks (live capture, amazon.in 2026-07): 20 rows, pages from 0, a cursor for the next page.
const PAGE_SIZE = 20;

function feedbacksUrl(pageNumber, cursor, excludeTTR) {
  const query = new URLSearchParams({
    pageNumber: String(pageNumber),
    pageSize: String(PAGE_SIZE),
    fromRating: '1',
    toRating: '5',
    sortBy: 'Date',
    descendingOrder: 'true',
    includePartiallySuppressed: 'true',
    excludeTTRFeedback: String(excludeTTR),
    lastEvaluatedKey: cursor ?? '',
  });
  return `/fbmapi/v1/feedbacks?${query}`;
}

function cell(cls, ...children) {
  return h('kat-table-cell', { class: cls }, ...children);
}

// Feedback Manager's "Request removal" for one order: `#/request-removal/{orderId}` (the demo's stand-in
// for Amazon's removal request; Redline only links here, it never submits anything).
function removalPanel() {
  const match = /^#\/request-removal\/([\w-]+)$/.exec(location.hash);
  if (!match) return null;
  return h(
    'div',
    { class: 'card', id: 'removal-request' },
    h('h2', {}, 'Request feedback removal'),
    h('p', {}, 'Order ID: ', h('b', {}, match[1])),
    h('p', { class: 'muted' }, 'Amazon reviews the feedback against its removal guidelines. You will be told the outcome.'),
    h('button', { type: 'button', class: 'primary' }, 'Request removal'),
  );
}

window.addEventListener('hashchange', () => render());

/** Cursors of the pages seen so far: page n is fetched with the cursor page n-1 returned. */
const cursors = [''];

async function render(pageNumber = 0) {
  try {
    // The real page fires the list twice (excludeTTRFeedback true and false) beside the totals.
    const [data, , aggregates] = await Promise.all([
      getJson(feedbacksUrl(pageNumber, cursors[pageNumber], true)),
      getJson(feedbacksUrl(pageNumber, cursors[pageNumber], false)),
      getJson('/fbmapi/v1/aggregates?duration=30D,90D,365D,LIFETIME'),
    ]);
    if (data.lastEvaluatedKey) cursors[pageNumber + 1] = data.lastEvaluatedKey;
    const lifetime = aggregates.durationResponseMap.LIFETIME;
    const total = lifetime.positiveCount + lifetime.negativeCount + lifetime.neutralCount;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    show(
      h('h1', {}, 'Feedback Manager'),
      removalPanel(),
      h('p', { class: 'muted' }, `${total} feedback entries · ${lifetime.effectiveRating} stars`),
      h(
        'kat-table',
        { id: 'feedback-table' },
        h(
          'kat-table-head',
          {},
          h(
            'kat-table-row',
            {},
            ['Date', 'Rating', 'Comments', 'Arrived on time', 'Item as described', 'Order ID'].map((c) => h('kat-table-cell', {}, c)),
          ),
        ),
        h(
          'kat-table-body',
          {},
          data.feedbacks.map((f) =>
            h(
              'kat-table-row',
              { 'data-feedback-id': f.feedbackId, class: f.suppressed ? 'removed' : null },
              cell('col_order_date', formatDate(f.feedbackDate)),
              cell('col_feedback_rating', h('kat-star-rating', { value: f.numericRating })),
              cell(
                'col_comments',
                f.suppressed ? h('s', {}, f.feedbackText) : f.feedbackText,
                f.suppressed ? h('div', { class: 'muted' }, 'Struck through by Amazon') : null,
              ),
              cell('col_arrived_on_time', f.answerMap.ArrivedOnTime?.booleanRating ? 'Yes' : 'No'),
              cell('col_item_as_described', f.answerMap.ItemAsDescribed?.booleanRating ? 'Yes' : 'No'),
              cell('col_order_id', h('kat-link', { href: `/orders-v3/order/${f.orderId}`, label: f.orderId })),
            ),
          ),
        ),
      ),
      h(
        'div',
        { class: 'pager' },
        h('button', { type: 'button', 'data-test-id': 'previous-page', disabled: pageNumber <= 0, onclick: () => render(pageNumber - 1) }, 'Previous'),
        h('span', {}, `Page ${pageNumber + 1} of ${pages}`),
        h('button', { type: 'button', 'data-test-id': 'next-page', disabled: !data.lastEvaluatedKey, onclick: () => render(pageNumber + 1) }, 'Next'),
      ),
    );
    document.title = 'Feedback Manager - Seller Central';
  } catch (error) {
    showError(error);
  }
}

render();
