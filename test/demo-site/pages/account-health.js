// Account Health dashboard: the server renders the page (AUI markup, as Seller Central does: see
// account-health-page.ts). Like the real page, it also GETs /performance/api/summary (whose body is not known:
// the demo's is invented); the late shipment row's window picker (also invented) swaps in the other window's figures.
import { getJson } from './common.js';

const row = document.getElementById('shipping-late-shipment-rate-row');
row?.querySelector("[data-test-id='lsr-window']")?.addEventListener('change', (event) => {
  const figures = document.querySelector(`template[data-lsr-window="${event.target.value}"]`);
  const current = row.querySelector('.a-ws-span-last');
  if (figures && current) current.replaceWith(figures.content.firstElementChild.cloneNode(true));
});

if (row) getJson('/performance/api/summary').catch(() => {});
