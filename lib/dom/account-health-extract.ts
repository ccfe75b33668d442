import { ACCOUNT_HEALTH_ROWS, AHR_SCORE, ROW_ACTIVE_SWITCH, ROW_WINDOW_PICKER, queryFirst } from './selectors';

/**
 * Content-script half of the Account Health reader: the rows' text, nothing more. No parsing and
 * no zod here, so the page pays almost nothing; account-health.ts validates and parses in the worker.
 */

export const MAX_TEXT = 2000;
export type AccountHealthRowKind = keyof typeof ACCOUNT_HEALTH_ROWS;
export const ACCOUNT_HEALTH_ROW_KINDS = Object.keys(ACCOUNT_HEALTH_ROWS) as [AccountHealthRowKind, ...AccountHealthRowKind[]];

export interface AccountHealthRow {
  kind: AccountHealthRowKind;
  text: string;
  /** Text of the selected option of the row's window picker ("10 days"), if it has one. */
  window: string | null;
  /** Text of the pressed side of the row's seller/FBA switch, if it has one. */
  channel: string | null;
}

export interface AccountHealthExtraction {
  rows: AccountHealthRow[];
  ahr: string | null;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);

export function extractAccountHealth(doc: ParentNode): AccountHealthExtraction {
  const rows: AccountHealthRow[] = [];
  for (const kind of ACCOUNT_HEALTH_ROW_KINDS) {
    const row = queryFirst(doc, ACCOUNT_HEALTH_ROWS[kind]);
    if (!row) continue;
    const picker = row.querySelector<HTMLSelectElement>(ROW_WINDOW_PICKER);
    const selected = picker?.selectedOptions?.[0];
    // The picker's own text lists every option: leave it out of the row's text.
    const rowText = picker ? text(row).replace(text(picker), ' ') : text(row);
    rows.push({ kind, text: rowText, window: selected ? text(selected) : null, channel: text(row.querySelector(ROW_ACTIVE_SWITCH)) || null });
  }
  const ahr = queryFirst(doc, AHR_SCORE);
  return { rows, ahr: ahr ? text(ahr) : null };
}
