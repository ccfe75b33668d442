import type { MetricKey } from '../model/metric-keys';
import { extractPolicyRows, type PolicyRowExtraction } from './account-health-policy';
import {
  ACCOUNT_HEALTH_ODR_PARTS,
  ACCOUNT_HEALTH_ODR_SUMMARY,
  ACCOUNT_HEALTH_RATE,
  ACCOUNT_HEALTH_ROWS,
  AHR_SCORE,
  AUI_COLUMN,
  ROW_ACTIVE_SWITCH,
  ROW_WINDOW_PICKER,
  ROW_WINDOW_PROMPT,
  queryFirst,
} from './selectors';

/**
 * Content-script half of the Account Health reader: where each metric is on the page and its text,
 * nothing more. No parsing and no zod here, so the page pays almost nothing; account-health.ts
 * validates and parses in the worker. The overlay (lib/content/badges/account-health-badges.ts)
 * places its projections by the same rows.
 */

export const MAX_TEXT = 2000;
export type AccountHealthRowKind = keyof typeof ACCOUNT_HEALTH_ROWS;
export const ACCOUNT_HEALTH_ROW_KINDS = Object.keys(ACCOUNT_HEALTH_ROWS) as [AccountHealthRowKind, ...AccountHealthRowKind[]];

export interface AccountHealthRow {
  kind: AccountHealthRowKind;
  /** The figures' text: the value cell's where the AUI cell is found, else the whole row's. */
  text: string;
  /** The rate cell's own text (`.a-size-large` in the value column), where there is one. */
  rate?: string | null;
  /** The row's window ("10 days"): its picker's selected option, or a window named in the row. */
  window: string | null;
  /** Which ODR: the column's header ("Fulfilled by Amazon"), `mfn`/`afn` by position, or a pressed switch's text. */
  channel: string | null;
  /** ODR: the value cells of its three parts in this column (negative feedback, A-to-z claims, chargebacks). */
  parts?: string[] | null;
}

export interface AccountHealthExtraction {
  rows: AccountHealthRow[];
  ahr: string | null;
  /** The Policy Compliance rows (account-health-policy.ts); absent in an extraction without them. */
  policies?: PolicyRowExtraction[];
}

/** A metric row found on the page: where it is, and what says which metric it shows. */
export interface LocatedRow {
  kind: AccountHealthRowKind;
  /** The row element; the overlay goes after it. */
  element: Element;
  /** The AUI cell holding this row's figures, where found. */
  cell: Element | null;
  rateCell: Element | null;
  window: string | null;
  channel: string | null;
  parts: Element[] | null;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);

/** "Late Shipment Rate (10 days)", "10 Tage", "10日間": a window the row names outside its figures. */
const WINDOW_WORDS = /(?<![\d.,])(10|30)\s*(?:days?|Tagen?|日間?)/gi;

function windowOf(row: Element, cell: Element | null): string | null {
  const picker = row.querySelector<HTMLSelectElement>(ROW_WINDOW_PICKER);
  const selected = picker?.selectedOptions?.[0];
  if (selected) return text(selected);
  const prompt = row.querySelector(ROW_WINDOW_PROMPT);
  if (prompt) return text(prompt);
  const label = cell ? text(row).replace(text(cell), ' ') : text(row);
  const named = new Set([...label.matchAll(WINDOW_WORDS)].map((m) => m[1]));
  return named.size === 1 ? `${[...named][0]} days` : null;
}

const columnsOf = (row: Element) => [...row.querySelectorAll(AUI_COLUMN)];

/** The column headers above the ODR row ("Seller Fulfilled", "Fulfilled by Amazon"): a digit-free row with as many columns. */
function headerTexts(section: Element, summary: Element, columns: number): string[] {
  const before = [section.previousElementSibling, ...section.querySelectorAll('.a-row')].filter(
    (row): row is Element => !!row && row !== summary && !!(row.compareDocumentPosition(summary) & 4 /* FOLLOWING */),
  );
  const header = before.find((row) => row.matches('.a-row') && columnsOf(row).length === columns && !/\d/.test(text(row)));
  return header ? columnsOf(header).slice(1).map(text) : [];
}

function locateOdr(section: Element): LocatedRow[] {
  const summary = section.matches('#odr-breakdown-section') ? null : queryFirst(section, ACCOUNT_HEALTH_ODR_SUMMARY);
  const cells = summary ? columnsOf(summary).slice(1, 3) : [];
  if (!summary || cells.length === 0) {
    // The older switch layout: one ODR at a time, named by the pressed switch.
    return [
      {
        kind: 'orderDefect',
        element: section,
        cell: null,
        rateCell: null,
        window: null,
        channel: text(section.querySelector(ROW_ACTIVE_SWITCH)) || null,
        parts: null,
      },
    ];
  }
  const headers = headerTexts(section, summary, cells.length + 1);
  const partRows = [...section.querySelectorAll(ACCOUNT_HEALTH_ODR_PARTS)];
  return cells.map((cell, i) => ({
    kind: 'orderDefect' as const,
    element: summary,
    cell,
    rateCell: cell.querySelector('.a-size-large, .a-size-base'),
    window: null,
    // Seller-fulfilled first, then FBA (real, 2025: `.sp-middle-col` is the seller's); a lone column needs its header.
    channel: headers[i] || (cells.length === 2 ? (i === 0 ? 'mfn' : 'afn') : null),
    parts: partRows.length === 3 ? partRows.map((r) => columnsOf(r)[i + 1]).filter((c): c is Element => !!c) : null,
  }));
}

/** Every metric row the page shows, real structure first (selectors.ts). */
export function locateAccountHealth(doc: ParentNode): LocatedRow[] {
  const rows: LocatedRow[] = [];
  for (const kind of ACCOUNT_HEALTH_ROW_KINDS) {
    const row = queryFirst(doc, ACCOUNT_HEALTH_ROWS[kind]);
    if (!row) continue;
    if (kind === 'orderDefect') {
      rows.push(...locateOdr(row));
      continue;
    }
    const rateCell = queryFirst(row, ACCOUNT_HEALTH_RATE);
    const cell = rateCell?.closest('.a-column') ?? null;
    rows.push({ kind, element: row, cell: cell && row.contains(cell) ? cell : null, rateCell, window: windowOf(row, cell), channel: null, parts: null });
  }
  return rows;
}

/** Which metric a row shows; undefined when its window or channel cannot be told. Shared by the reader and the overlay. */
export function metricOfRow(row: Pick<AccountHealthRow, 'kind' | 'window' | 'channel'>): MetricKey | undefined {
  switch (row.kind) {
    case 'lateShipment': {
      const days = Number(row.window?.match(/\d+/)?.[0]);
      return days === 10 ? 'lsr.10d' : days === 30 ? 'lsr.30d' : undefined;
    }
    case 'orderDefect':
      // "Fulfilled by Amazon" / "Versand durch Amazon" / "フルフィルメント by Amazon" vs "Seller Fulfilled" / "Verkäufer" / "出品者出荷".
      if (!row.channel) return undefined;
      return row.channel === 'afn' || /amazon|fba/i.test(row.channel) ? 'odr.afn' : 'odr.mfn';
    case 'cancel':
      return 'cr.7d';
    case 'validTracking':
      return 'vtr.30d';
    case 'onTimeDelivery':
      return 'otdr.14d';
  }
}

function rowText(row: LocatedRow): string {
  if (row.cell) return text(row.cell);
  const picker = row.element.querySelector(ROW_WINDOW_PICKER);
  // The picker's own text lists every option: leave it out of the row's text.
  return picker ? text(row.element).replace(text(picker), ' ') : text(row.element);
}

export function extractAccountHealth(doc: ParentNode): AccountHealthExtraction {
  const rows = locateAccountHealth(doc).map((row): AccountHealthRow => ({
    kind: row.kind,
    text: rowText(row),
    rate: row.rateCell ? text(row.rateCell) : null,
    window: row.window,
    channel: row.channel,
    parts: row.parts?.map(text) ?? null,
  }));
  const ahr = queryFirst(doc, AHR_SCORE);
  return { rows, ahr: ahr ? text(ahr) : null, policies: extractPolicyRows(doc) };
}
