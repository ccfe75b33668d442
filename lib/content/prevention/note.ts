/**
 * The inline note Redline puts next to a form field or a table row on Seller Central: a
 * `<redline-note>` host whose look lives in a Shadow DOM (the page's CSS cannot reach it), styled
 * like Seller Central's own inline alerts. Every string goes in with `textContent`.
 */
export type NoteTone = 'ok' | 'info' | 'warning' | 'breach';

export interface NoteView {
  tone: NoteTone;
  title: string;
  lines: string[];
  /** Small grey chips after the lines (matched words). */
  chips?: string[];
  link?: { href: string; text: string };
  /** Tests and styles: `data-redline-state`. */
  state: string;
}

export const NOTE_TAG = 'redline-note';

const STYLE = `
:host { all: initial; display: block; margin: 6px 0 2px; max-width: 460px; }
.note {
  display: grid; grid-template-columns: 18px 1fr; gap: 2px 8px; padding: 8px 10px; border-radius: 8px;
  border: 1px solid #d5d9d9; border-left-width: 4px; background: #fff; color: #0f1111;
  font: 13px/1.4 "Amazon Ember", Arial, system-ui, -apple-system, "Segoe UI", "Hiragino Sans", sans-serif;
}
.icon { grid-row: span 9; width: 18px; height: 18px; border-radius: 50%; display: grid; place-items: center; color: #fff; font: 700 11px/1 Arial, sans-serif; margin-top: 1px; }
.title, .line { overflow-wrap: anywhere; } /* they quote the page: an order id, a carrier */
.title { font-weight: 700; }
.line { color: #0f1111; }
.brand { font-weight: 700; color: #b12704; font-size: 11px; letter-spacing: 0.2px; text-transform: uppercase; margin-right: 6px; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 2px; }
.chip { font-size: 11px; padding: 0 6px; border-radius: 9px; background: #f0f2f2; color: #565959; border: 1px solid #d5d9d9; max-width: 100%; overflow-wrap: anywhere; }
a { color: #007185; text-decoration: none; font-weight: 700; }
a:hover { color: #c7511f; text-decoration: underline; }
.ok { border-color: #a6dbc0; border-left-color: #067d62; background: #f0faf7; } .ok .icon { background: #067d62; }
.info { border-left-color: #007185; } .info .icon { background: #007185; }
.warning { border-color: #f5c983; border-left-color: #c45500; background: #fff8ef; } .warning .icon { background: #c45500; }
.breach { border-color: #f3b7b0; border-left-color: #b12704; background: #fff3f1; } .breach .icon { background: #b12704; }
`;

const ICON: Record<NoteTone, string> = { ok: '✓', info: 'i', warning: '!', breach: '!' };

function el(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const node = doc.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A note host, empty until rendered. Clicks inside it do not reach the page's own handlers. */
export function createNote(doc: Document): HTMLElement {
  const host = doc.createElement(NOTE_TAG);
  host.attachShadow({ mode: 'open' });
  for (const type of ['click', 'mousedown', 'keydown'] as const) host.addEventListener(type, (e) => e.stopPropagation());
  return host;
}

/** Draws a view into a host; does nothing when it shows exactly this view already. */
export function renderNote(host: HTMLElement, view: NoteView): void {
  const key = JSON.stringify(view);
  if (host.dataset.redlineKey === key) return;
  host.dataset.redlineKey = key;
  host.dataset.redlineState = view.state;
  host.setAttribute('role', view.tone === 'warning' || view.tone === 'breach' ? 'alert' : 'status');
  const doc = host.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = el(doc, 'div', `note ${view.tone}`);
  const icon = el(doc, 'span', 'icon', ICON[view.tone]);
  icon.setAttribute('aria-hidden', 'true');
  const title = el(doc, 'div', 'title');
  title.append(el(doc, 'span', 'brand', 'Redline'), doc.createTextNode(view.title));
  box.append(icon, title, ...view.lines.map((line) => el(doc, 'div', 'line', line)));
  if (view.chips?.length) {
    const chips = el(doc, 'div', 'chips');
    chips.append(...view.chips.map((c) => el(doc, 'span', 'chip', c)));
    box.append(chips);
  }
  if (view.link) {
    const a = doc.createElement('a');
    a.href = view.link.href;
    a.textContent = view.link.text;
    box.append(el(doc, 'div', 'line'));
    box.lastElementChild!.append(a);
  }
  host.shadowRoot!.replaceChildren(style, box);
}
