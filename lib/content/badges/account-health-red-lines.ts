/**
 * Account Health page, the red lines besides the rate rows (metrics-spec v2 §2.2): beside each Policy
 * Compliance row that is over the line, has no count, or changed, Redline's view of it ("Redline · 1
 * violation · +1 since 24 Nov · over the line: any violation counts"); after the rating, the Account
 * Health Assurance line; after the shipping rows, the Invoice Defect Rate, which has no row of its own
 * on the page, only in the marketplaces that have it. Text only, in Shadow DOM hosts like the rows'.
 */
import { locatePolicyRows } from '../../dom/account-health-policy';
import { AHR_SCORE, queryFirst } from '../../dom/selectors';
import type { HealthReport, PolicyComplianceEntry } from '../../metrics/report-schema';
import { t, uiLocale } from '../../ui/i18n';
import { assuranceSentence, policyChange, policyCount, policyName } from '../../ui/red-lines-wording';
import { STATUS_ICON, statusWord } from '../../ui/wording';
import { PROJECTION_STYLE, PROJECTION_TAG, renderProjection } from './projection-box';

type Placed = { host: HTMLElement; key: string };

function line(doc: Document, parts: [string, string][]): HTMLElement {
  const box = doc.createElement('div');
  box.className = 'line';
  for (const [cls, text] of parts) {
    const span = doc.createElement('span');
    span.className = cls;
    span.textContent = text;
    box.append(span);
  }
  return box;
}

function render(host: HTMLElement, status: string, lines: [string, string][][]): void {
  const doc = host.ownerDocument;
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PROJECTION_STYLE;
  const box = doc.createElement('div');
  box.className = `box ${status}`;
  box.append(...lines.map((parts) => line(doc, parts)));
  root.replaceChildren(style, box);
  host.dataset.redlineStatus = status;
}

function policyLines(entry: PolicyComplianceEntry): [string, string][] {
  const change = policyChange(entry, uiLocale());
  const status = entry.status === 'breach' ? 'breach' : entry.status === 'unknown' ? 'unknown' : 'ok';
  const parts: [string, string][] = [
    ['brand', 'Redline'],
    ['rate', policyCount(entry)],
  ];
  if (change) parts.push(['margin', change]);
  // An unknown count says so already ("count unknown").
  if (status !== 'unknown') parts.push(['status', `${STATUS_ICON[status]} ${status === 'breach' ? t('policy_rowOver') : statusWord(status)}`]);
  return parts;
}

/** Whether a category's row needs a word from Redline: over the line, without a count, or changed. */
const worthSaying = (e: PolicyComplianceEntry) => e.status !== 'ok' || (e.change !== null && e.change !== 0);

/**
 * Places (or updates, or removes) the overlays of the policy rows, the Assurance line and the IDR,
 * each once, after the element it belongs to. `hosts` is the caller's, kept between calls.
 */
export function placeRedLines(doc: Document, report: HealthReport, hosts: Map<string, Placed>): void {
  const wanted = new Map<string, { after: Element; status: string; lines: [string, string][][] }>();
  const byCategory = new Map(report.policyCompliance.map((p) => [p.category, p]));
  const rows = locatePolicyRows(doc).map(({ element, category }) => ({ element, category: category ?? element.id }));
  for (const { element, category } of rows) {
    const entry = byCategory.get(category);
    if (entry && worthSaying(entry)) wanted.set(`policy:${entry.category}`, { after: element, status: entry.status, lines: [policyLines(entry)] });
  }
  // Categories Amazon reports that the page shows no row for (its JSON has twelve; five rows are known).
  const onPage = new Set(rows.map((r) => r.category));
  const elsewhere = report.policyCompliance.filter((p) => !onPage.has(p.category) && p.status !== 'ok');
  const rating = queryFirst(doc, AHR_SCORE)?.closest('.ahd-numeric-ahr-indicator') ?? queryFirst(doc, AHR_SCORE);
  const sentence = assuranceSentence(report.accountHealthAssurance, uiLocale());
  if (rating && (sentence || elsewhere.length)) {
    const lines: [string, string][][] = [];
    if (sentence)
      lines.push([
        ['brand', 'Redline'],
        ['rate', t('assurance_title')],
        ['margin', sentence],
      ]);
    for (const p of elsewhere) lines.push([['brand', `Redline · ${policyName(p)}`], ...policyLines(p).slice(1)]);
    const assurance = report.accountHealthAssurance.status;
    const status = elsewhere.some((p) => p.status === 'breach') || assurance === 'notEligible' ? 'breach' : assurance === 'eligible' ? 'ok' : 'unknown';
    wanted.set('rating', { after: rating, status, lines });
  }
  for (const [key, want] of wanted) {
    const signature = JSON.stringify([want.status, want.lines]);
    let placed = hosts.get(key);
    if (!placed) {
      const host = doc.createElement(PROJECTION_TAG);
      host.dataset.redlineRedLine = key;
      hosts.set(key, (placed = { host, key: '' }));
    }
    if (placed.key !== signature) {
      render(placed.host, want.status, want.lines);
      placed.key = signature;
    }
    if (want.after.nextElementSibling !== placed.host) want.after.after(placed.host);
  }
  for (const [key, { host }] of hosts) {
    if (wanted.has(key) || key === 'idr') continue;
    host.remove();
    hosts.delete(key);
  }
  placeInvoiceDefects(doc, report, hosts);
}

/** The Invoice Defect Rate (UK, DE, FR, IT, ES only): after the last shipping row, as the rows' overlays. */
function placeInvoiceDefects(doc: Document, report: HealthReport, hosts: Map<string, Placed>): void {
  const idr = report.metrics['idr.7d'];
  const shipping = [...doc.querySelectorAll(`${PROJECTION_TAG}[data-redline-metric]`)]
    .filter((h) => /\b(lsr|cr|vtr|otdr)\./.test((h as HTMLElement).dataset.redlineMetric ?? ''))
    .at(-1);
  const placed = hosts.get('idr');
  if (!idr || !shipping) {
    placed?.host.remove();
    hosts.delete('idr');
    return;
  }
  const entry = placed ?? { host: doc.createElement(PROJECTION_TAG), key: '' };
  hosts.set('idr', entry);
  entry.host.dataset.redlineRedLine = 'idr';
  const signature = JSON.stringify([idr.rate, idr.margin, idr.status, idr.projection.breachDate, idr.projection.recoveryDate]);
  if (entry.key !== signature) {
    renderProjection(entry.host, [idr], true);
    entry.key = signature;
  }
  if (shipping.nextElementSibling !== entry.host) shipping.after(entry.host);
}
