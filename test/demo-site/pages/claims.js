// A-to-z Guarantee claims: loads /gp/guarantee-claims/api/claims (an invented endpoint, see README.md).
import { badge, formatDate, formatMoney, getJson, h, show, showError } from './common.js';

const COLOURS = { PENDING: 'amber', GRANTED: 'red', DENIED: 'green' };

async function render() {
  try {
    const data = await getJson('/gp/guarantee-claims/api/claims');
    show(
      h('h1', {}, 'A-to-z Guarantee Claims'),
      h(
        'table',
        { class: 'sc-table', id: 'claims-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Claim filed', 'Order ID', 'Order date', 'Reason', 'Amount', 'Status'].map((c) => h('th', {}, c)),
          ),
        ),
        h(
          'tbody',
          {},
          data.claims.map((c) =>
            h(
              'tr',
              { id: `claim-${c.claimId}` },
              h('td', {}, formatDate(c.filingDate)),
              h('td', {}, h('a', { href: `/orders-v3/order/${c.orderId}` }, c.orderId)),
              h('td', {}, formatDate(c.orderDate)),
              h('td', {}, c.reason),
              h('td', {}, formatMoney(c.amount)),
              h('td', {}, badge(c.status, COLOURS[c.status] ?? 'grey')),
            ),
          ),
        ),
      ),
    );
    document.title = 'A-to-z Guarantee Claims - Seller Central';
  } catch (error) {
    showError(error);
  }
}

render();
