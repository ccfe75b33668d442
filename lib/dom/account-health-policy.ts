import type { PolicyReading } from '../model';
import { parseLocaleNumber } from './locale-numbers';
import { AUI_COLUMN, POLICY_COUNT, POLICY_ROW_ANY, POLICY_ROWS, queryFirst } from './selectors';

/**
 * The Account Health dashboard's Policy Compliance rows (metrics-spec v2 §2.2): one count per row.
 * Content-script half (`locatePolicyRows`, `extractPolicyRows`: text only, no zod) and the worker's
 * (`policyReadingsOfRows`, on the extraction account-health.ts has validated).
 *
 * The five rows whose ids are known are read as their SP-API category; any other row that looks like
 * one of them (`policies-…-row`) is a category Redline does not know: kept under its id, with its
 * label, so it is shown rather than dropped. A count that is not one whole number ("--", "N/A", a
 * layout Redline does not know) is unknown, never 0.
 */

export const MAX_POLICY_ROWS = 50;
const MAX_TEXT = 200;

export interface PolicyRowExtraction {
  /** The row's id: the category, for a row Redline does not know. */
  id: string;
  /** The row's own words for the category (its text without the count). */
  label: string;
  /** The count cell's text, or null when the row has none. */
  count: string | null;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const KNOWN_IDS = new Map<string, string>(Object.entries(POLICY_ROWS).map(([category, selector]) => [selector.slice(1), category]));

/** Every Policy Compliance row on the page: the known ones first (in Redline's order), then the others. */
export function locatePolicyRows(doc: ParentNode): { element: Element; category: string | null }[] {
  const rows: { element: Element; category: string | null }[] = [];
  const seen = new Set<Element>();
  for (const [category, selector] of Object.entries(POLICY_ROWS)) {
    const row = queryFirst(doc, [selector]);
    if (row && !seen.has(row)) {
      seen.add(row);
      rows.push({ element: row, category });
    }
  }
  for (const row of doc.querySelectorAll(POLICY_ROW_ANY)) {
    if (seen.has(row) || rows.length >= MAX_POLICY_ROWS) continue;
    seen.add(row);
    rows.push({ element: row, category: null });
  }
  return rows;
}

export function extractPolicyRows(doc: ParentNode): PolicyRowExtraction[] {
  return locatePolicyRows(doc).map(({ element }) => {
    const cell = queryFirst(element, POLICY_COUNT);
    const count = cell ? text(cell) : null;
    // The label: the row's columns other than the count's (real, 2025: label, then count), else its whole text.
    const columns = [...element.querySelectorAll(AUI_COLUMN)].filter((c) => !cell || !c.contains(cell));
    const label = cell && columns.length ? columns.map(text).join(' ').trim() : text(element);
    return { id: element.id.slice(0, 100), label: label.slice(0, MAX_TEXT), count: count?.slice(0, MAX_TEXT) ?? null };
  });
}

/** Row ids that can be a category's name (PolicyCategoryName): letters, digits, `_`, `-`. */
const ROW_ID = /^[A-Za-z][A-Za-z0-9_-]{0,79}$/;

/** Worker side: the validated rows → one reading per category (the first row of each wins). */
export function policyReadingsOfRows(
  rows: readonly PolicyRowExtraction[],
  lang: string,
  base: Pick<PolicyReading, 'marketplaceId' | 'observedAt' | 'source'>,
): PolicyReading[] {
  const readings = new Map<string, PolicyReading>();
  for (const row of rows) {
    const category = KNOWN_IDS.get(row.id) ?? (ROW_ID.test(row.id) ? row.id : null);
    if (!category || readings.has(category)) continue;
    const value = row.count === null ? undefined : parseLocaleNumber(row.count, lang);
    const count = value !== undefined && Number.isInteger(value) && value >= 0 && value <= 1e9 ? value : undefined;
    const label = KNOWN_IDS.has(row.id) || row.label === '' ? undefined : row.label;
    readings.set(category, { ...base, category, ...(count === undefined ? {} : { count }), ...(label === undefined ? {} : { label }) });
  }
  return [...readings.values()];
}
