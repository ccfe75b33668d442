// Account Health dashboard: /performance/dashboard loads /performance/api/summary and renders one row
// per metric with the ids the real page uses (seller-central.md "DOM hints").
import { formatDate, formatPercent, getJson, h, show, showError } from './common.js';

const targetText = (m) => `Target: ${m.targetCondition === 'LESS_THAN' ? 'under' : 'over'} ${formatPercent(m.targetValue)}`;
const windowText = (r) => `${formatDate(r.reportingDateFrom.slice(0, 10) + 'T12:00:00Z')} – ${formatDate(r.reportingDateTo.slice(0, 10) + 'T12:00:00Z')}`;

function metricRow(id, label, metric, good, total, extra) {
  return h('div', { class: `ahd-metric-row ${metric.status === 'BAD' ? 'bad' : ''}`, id, 'data-status': metric.status },
    h('div', {}, h('b', {}, label), h('div', { class: 'muted' }, targetText(metric))),
    h('div', { class: 'value' }, formatPercent(metric.rate)),
    h('div', { class: 'count' }, `${good} of ${total} orders`),
    h('div', { class: 'muted' }, extra ?? windowText(metric.reportingDateRange)));
}

function lateShipmentRow(metrics, days) {
  const [tenDays, thirtyDays] = metrics.lateShipmentRateList;
  const m = days === 10 ? tenDays : thirtyDays;
  const select = h('select', { 'data-test-id': 'lsr-window', onchange: (e) => row.replaceWith(lateShipmentRow(metrics, Number(e.target.value))) },
    h('option', { value: 10, selected: days === 10 }, '10 days'), h('option', { value: 30, selected: days === 30 }, '30 days'));
  const row = metricRow('shipping-late-shipment-rate-row', 'Late Shipment Rate', m, m.lateShipmentCount, m.orderCount,
    h('span', {}, select, ' ', windowText(m.reportingDateRange)));
  return row;
}

function odrSection(odr, channel) {
  const m = odr[channel];
  const part = (label, count) => h('div', { class: 'ahd-metric-row' }, h('div', {}, label), h('div', {}, formatPercent(m.orderCount ? count / m.orderCount : 0)),
    h('div', { class: 'count' }, `${count} of ${m.orderCount} orders`), h('div', {}));
  const section = h('div', { id: 'odr-breakdown-section', 'data-fulfillment-type': channel },
    h('div', { class: 'switch' }, ['mfn', 'afn'].map((c) =>
      h('button', { type: 'button', 'aria-current': c === channel ? 'page' : null, onclick: () => section.replaceWith(odrSection(odr, c)) },
        c === 'mfn' ? 'Seller Fulfilled' : 'Fulfilled by Amazon'))),
    metricRow('order-defect-rate-row', 'Order Defect Rate', m, m.orderWithDefects.count, m.orderCount),
    part('Negative feedback', m.negativeFeedback.count),
    part('A-to-z Guarantee claims', m.claims.count),
    part('Chargeback claims', m.chargebacks.count));
  return section;
}

async function render() {
  try {
    const summary = await getJson('/performance/api/summary');
    const m = summary.performanceMetrics[0];
    const ahr = m.accountHealthRating;
    const policies = Object.entries(m).filter(([, v]) => v && typeof v === 'object' && 'defectsCount' in v);
    show(
      h('h1', {}, 'Account Health'),
      h('p', { class: 'muted', id: 'ahd-last-updated' }, `Last updated: ${new Date(summary.lastUpdatedDate).toLocaleString(document.documentElement.lang, { timeZone: 'America/Los_Angeles', timeZoneName: 'short' })}`),
      h('section', { class: 'card' }, h('h2', {}, 'Account Health Rating'),
        h('div', { class: 'ahd-ahr' }, h('div', { class: 'ahd-numeric-ahr-indicator' }, String(ahr.ahrScore)),
          h('div', { class: 'ahr-bar' }), h('b', {}, ahr.ahrScore >= 200 ? 'Healthy' : ahr.ahrScore >= 100 ? 'At risk' : 'Unhealthy'))),
      h('div', { class: 'grid' },
        h('section', { class: 'card', id: 'customer-satisfaction-content-rows-section' }, h('h2', {}, 'Customer Service Performance'), odrSection(m.orderDefectRate, 'mfn')),
        h('section', { class: 'card', id: 'shipping-performance-section' }, h('h2', {}, 'Shipping Performance'),
          lateShipmentRow(m, 10),
          metricRow('shipping-cancellation-rate-row', 'Pre-fulfillment Cancel Rate', m.prefulfillmentCancelRate, m.prefulfillmentCancelRate.cancellationCount, m.prefulfillmentCancelRate.orderCount),
          metricRow('shipping-view-tracking-rate-row', 'Valid Tracking Rate', m.validTrackingRate, m.validTrackingRate.validTrackingCount, m.validTrackingRate.shipmentCount),
          metricRow('unit-on-time-delivery-rate-row', 'On-Time Delivery Rate', m.onTimeDeliveryRate, m.onTimeDeliveryRate.onTimeDeliveryCount, m.onTimeDeliveryRate.shipmentCountWithValidTracking))),
      h('section', { class: 'card', id: 'policy-compliance-section' }, h('h2', {}, 'Policy Compliance'),
        policies.map(([key, v]) => h('div', { class: 'ahd-metric-row' }, h('div', {}, key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase())),
          h('div', {}, String(v.defectsCount)), h('div', {}), h('div', {})))));
    document.title = 'Account Health - Seller Central';
  } catch (error) {
    showError(error);
  }
}

render();
