/**
 * A saved-page-like Manage Orders table (the structure of seller-central.md's DOM hints and the demo
 * site's orders.js): `tr#row-<id>` rows with the order id as a link to its detail page. Product
 * names carry hostile strings, as a page can.
 */
export const HOSTILE = '<img src=x onerror="window.__pwned=1">';

export function orderId(i: number): string {
  return `114-${String(1000000 + i).padStart(7, '0')}-${String(5000000 + i).padStart(7, '0')}`;
}

export function orderRow(doc: Document, id: string): HTMLTableRowElement {
  const row = doc.createElement('tr');
  row.id = `row-${id}`;
  const cell = (...children: (Node | string)[]) => {
    const td = doc.createElement('td');
    td.append(...children);
    row.append(td);
    return td;
  };
  const date = doc.createElement('div');
  date.textContent = 'Nov 25, 2026';
  cell(date);
  const link = doc.createElement('a');
  link.href = `/orders-v3/order/${id}`;
  link.dataset.testId = 'order-id-link';
  link.textContent = id;
  const channel = doc.createElement('div');
  channel.className = 'muted';
  channel.textContent = 'Fulfillment: Seller';
  cell(link, channel);
  const product = doc.createElement('a');
  product.href = '/dp/B000000000';
  product.textContent = `Mug ${HOSTILE}`;
  cell(product);
  cell('Standard');
  cell('Unshipped');
  const button = doc.createElement('button');
  button.textContent = 'Confirm shipment';
  cell(button);
  return row;
}

/** `#sc-content > table#myo-table > tbody > tr…`, re-rendered wholesale like the demo page does. */
export function renderOrdersTable(doc: Document, ids: readonly string[]): HTMLTableElement {
  let content = doc.getElementById('sc-content');
  if (!content) {
    content = doc.createElement('div');
    content.id = 'sc-content';
    doc.body.append(content);
  }
  const table = doc.createElement('table');
  table.id = 'myo-table';
  const head = doc.createElement('thead');
  head.innerHTML = '<tr><th>Order date</th><th>Order details</th><th>Product</th><th>Option</th><th>Status</th><th>Action</th></tr>';
  const body = doc.createElement('tbody');
  body.append(...ids.map((id) => orderRow(doc, id)));
  table.append(head, body);
  content.replaceChildren(table);
  return table;
}
