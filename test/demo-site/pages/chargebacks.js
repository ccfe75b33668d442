// Chargeback claims: loads /chargebacks/api/v1/chargebacks. Nothing real is known of this page or its JSON: the
// markup (table#chargebacks-table, tr#chargeback-{id}) and the answer's shape are invented (README.md).
import { badge, formatDate, formatMoney, getJson, h, show, showError } from './common.js';

async function render() {
  try {
    const data = await getJson('/chargebacks/api/v1/chargebacks');
    show(
      h('h1', {}, 'Chargeback Claims'),
      h(
        'table',
        { class: 'sc-table', id: 'chargebacks-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Filed', 'Order ID', 'Order date', 'Reason', 'Amount', 'Status'].map((c) => h('th', {}, c)),
          ),
        ),
        h(
          'tbody',
          {},
          data.chargebacks.map((c) => {
            const order = c.relatedOrders[0] ?? {};
            return h(
              'tr',
              { id: `chargeback-${c.id}` },
              h('td', {}, formatDate(c.filingDate)),
              h('td', {}, h('a', { href: `/orders-v3/order/${order.orderId}` }, order.orderId)),
              h('td', {}, formatDate(order.orderDate)),
              h('td', {}, c.reasonCode),
              h('td', {}, formatMoney(c.amount)),
              h('td', {}, badge(c.status, c.status === 'OPEN' ? 'amber' : 'grey')),
            );
          }),
        ),
      ),
    );
    document.title = 'Chargeback Claims - Seller Central';
  } catch (error) {
    showError(error);
  }
}

render();
