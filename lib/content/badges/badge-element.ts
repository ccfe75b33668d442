/**
 * The badge on Seller Central: a `<redline-badge>` host in the page carrying
 * `data-redline-order` / `data-redline-risk`, its look and text inside a Shadow DOM so the page's CSS
 * cannot touch it and ours cannot leak. Plain DOM (no framework) keeps the content script small.
 * Every string goes in with `textContent`: order ids and anything else from the page stay inert.
 */
import { BADGE_TAG } from './order-rows';
import type { BadgeView } from './badge-view';
import { viewKey } from './badge-view';

const STYLE = `
:host { all: initial; display: inline-block; vertical-align: middle; margin-inline-start: 6px; line-height: normal; }
* { box-sizing: border-box; }
.badge {
  display: inline-flex; align-items: center; gap: 4px; max-width: 260px;
  font: 600 12px/18px system-ui, -apple-system, "Segoe UI", "Hiragino Sans", Roboto, sans-serif;
  padding: 0 8px 0 3px; border-radius: 10px; border: 1px solid #c45500; background: #fff4e5; color: #7a3300;
  cursor: help; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.badge:focus-visible { outline: 2px solid #007185; outline-offset: 2px; }
.icon {
  flex: none; display: inline-grid; place-items: center; width: 14px; height: 14px; border-radius: 50%;
  background: #c45500; color: #fff; font-size: 10px; line-height: 1;
}
.label { overflow: hidden; text-overflow: ellipsis; }
.later { border-color: #8d9096; background: #f7f8f8; color: #0f1111; }
.later .icon { background: #565959; }
.critical, .overdue, .breaches { border-color: #b12704; background: #b12704; color: #fff; }
.critical .icon, .overdue .icon, .breaches .icon { background: #fff; color: #b12704; }
/* The seller's own dispatch rule: teal and dashed, never Amazon's red or orange (metrics-spec v2 §5). */
.own, .own.critical, .own.overdue { border: 1px dashed #007185; background: #eef8fa; color: #00474f; }
.own .icon, .own.critical .icon, .own.overdue .icon { background: #007185; color: #fff; }
.own.critical, .own.overdue { border-style: solid; }
.quiet {
  display: inline-grid; place-items: center; width: 16px; height: 16px; border-radius: 50%;
  font: 700 10px/1 system-ui, sans-serif; color: #067d62; border: 1px solid #067d62; background: #f0faf7;
}
.tip {
  position: fixed; inset: auto; margin: 0; z-index: 2147483647; width: max-content; max-width: 340px;
  padding: 8px 10px; border: 1px solid #d5d9d9; border-radius: 8px; background: #fff; color: #0f1111;
  box-shadow: 0 4px 16px rgba(15, 17, 17, 0.18); font: 12px/1.45 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", Roboto, sans-serif;
  white-space: normal; text-align: start;
}
/* Separate rules: a browser without :popover-open (Firefox < 125) drops a rule that names it. */
.tip { display: none; }
.tip.open { display: block; }
.tip:popover-open { display: block; }
.tip-title { font-weight: 700; margin-bottom: 4px; display: flex; gap: 6px; align-items: center; }
.tip-title .brand { width: 10px; height: 10px; border-radius: 3px; background: #b12704; flex: none; }
.row { margin-top: 4px; }
.row b { display: block; }
.row span { color: #565959; }
`;

interface BadgeParts {
  root: ShadowRoot;
  /** The view last drawn, and its serialisation: the same object needs no comparison at all. */
  view: BadgeView | null;
  key: string;
  tip: HTMLElement | null;
  pinned: boolean;
}

const parts = new WeakMap<HTMLElement, BadgeParts>();

const supportsPopover = () => typeof HTMLElement !== 'undefined' && Object.prototype.hasOwnProperty.call(HTMLElement.prototype, 'popover');

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function showTip(host: HTMLElement, show: boolean): void {
  const p = parts.get(host);
  const tip = p?.tip;
  if (!p || !tip) return;
  if (!show && p.pinned) return;
  if (show) {
    const rect = host.getBoundingClientRect();
    const view = host.ownerDocument.defaultView;
    const width = view?.innerWidth ?? 1024;
    tip.style.left = `${Math.max(8, Math.min(rect.left, width - 348))}px`;
    tip.style.top = `${rect.bottom + 6}px`;
  }
  if (supportsPopover()) {
    try {
      if (show) tip.showPopover();
      else tip.hidePopover();
      return;
    } catch {
      // already in that state, or popover unsupported for this element: fall through to the class
    }
  }
  tip.classList.toggle('open', show);
}

/** A new, empty badge host; `renderBadge` fills it. */
export function createBadgeHost(doc: Document): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = el(doc, 'style');
  style.textContent = STYLE;
  root.append(style);
  parts.set(host, { root, view: null, key: '', tip: null, pinned: false });
  // The page's own row handlers (open order, select row) must not see clicks on the badge.
  for (const type of ['click', 'mousedown', 'pointerdown', 'keydown'] as const) {
    host.addEventListener(type, (event) => {
      event.stopPropagation();
      if (type === 'click') {
        const p = parts.get(host);
        if (p?.tip) {
          p.pinned = !p.pinned;
          showTip(host, p.pinned);
          if (!p.pinned) showTip(host, false);
        }
      }
      if (type === 'keydown' && (event as KeyboardEvent).key === 'Escape') {
        const p = parts.get(host);
        if (p) p.pinned = false;
        showTip(host, false);
      }
    });
  }
  host.addEventListener('mouseenter', () => showTip(host, true));
  host.addEventListener('mouseleave', () => showTip(host, false));
  host.addEventListener('focusin', () => showTip(host, true));
  host.addEventListener('focusout', () => {
    const p = parts.get(host);
    if (p) p.pinned = false;
    showTip(host, false);
  });
  return host;
}

/** Draws a view into a host; does nothing when the host already shows exactly this view. */
export function renderBadge(host: HTMLElement, view: BadgeView): boolean {
  const p = parts.get(host);
  if (!p || p.view === view) return false;
  const key = viewKey(view);
  p.view = view;
  if (p.key === key) return false;
  p.key = key;
  const doc = host.ownerDocument;
  host.dataset.redlineOrder = view.orderId;
  host.dataset.redlineSlot = view.slot;
  host.dataset.redlineRisk = view.risk;
  if (view.risks.length) host.dataset.redlineRisks = view.risks.join(' ');
  else delete host.dataset.redlineRisks;

  const style = p.root.firstChild!;
  if (view.urgency === 'quiet') {
    const mark = el(doc, 'span', 'quiet', '✓');
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', view.ariaLabel);
    mark.title = view.ariaLabel;
    p.root.replaceChildren(style, mark);
    p.tip = null;
    return true;
  }

  const button = el(doc, 'button', `badge ${view.urgency}${view.breaches ? ' breaches' : ''}${view.slot === 'own' ? ' own' : ''}`);
  button.type = 'button';
  button.setAttribute('aria-label', view.ariaLabel);
  button.setAttribute('aria-describedby', 'tip');
  button.append(el(doc, 'span', 'icon', view.breaches ? '✕' : '!'), el(doc, 'span', 'label', view.label));
  button.querySelector('.icon')!.setAttribute('aria-hidden', 'true');

  const tip = el(doc, 'div', 'tip');
  tip.id = 'tip';
  tip.setAttribute('role', 'tooltip');
  if (supportsPopover()) tip.setAttribute('popover', 'manual');
  const title = el(doc, 'div', 'tip-title');
  title.append(el(doc, 'span', 'brand'), el(doc, 'span', undefined, view.title));
  tip.append(title);
  for (const d of view.details) {
    const row = el(doc, 'div', 'row');
    row.append(el(doc, 'b', undefined, d.heading), el(doc, 'span', undefined, d.impact));
    tip.append(row);
  }
  p.root.replaceChildren(style, button, tip);
  p.tip = tip;
  p.pinned = false;
  return true;
}
