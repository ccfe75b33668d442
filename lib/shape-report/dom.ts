import { maskName } from './mask';

/**
 * The element structure of a page region: tags, and the ids, classes, `data-test-id`s, roles, input
 * types and field names that identify elements, with digits masked (mask.ts); other attributes by name
 * only; text as `"…"`, never its content. Siblings of the same shape are written once, `(repeated)`.
 * Bounded, and runs only when a page did not match (the content script pays nothing otherwise).
 *
 *     div#customer-satisfaction-content-rows-section
 *       div.a-row.sp-summary-row
 *         div.a-column.a-span#  "…"
 */

const MAX_DEPTH = 14;
const MAX_NODES = 600;
export const MAX_DOM_CHARS = 20_000;
/** Attributes whose values name the element (masked); every other attribute appears by its name only. */
const NAMING = ['data-test-id', 'data-testid', 'role', 'type', 'name'];
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'PATH', 'REDLINE-BADGE', 'REDLINE-NOTE', 'REDLINE-PROJECTION']);

function describe(el: Element): string {
  // Digits masked in tags too (`h#`): the whole report holds none.
  let text = el.tagName
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '')
    .replace(/\d+/g, '#');
  if (el.id) text += `#${maskName(el.id)}`;
  for (const c of [...el.classList].slice(0, 8)) text += `.${maskName(c)}`;
  const named: string[] = [];
  const others: string[] = [];
  for (const attr of [...el.attributes].slice(0, 20)) {
    if (attr.name === 'id' || attr.name === 'class') continue;
    if (NAMING.includes(attr.name)) named.push(`[${maskName(attr.name)}=${maskName(attr.value)}]`);
    else others.push(`[${maskName(attr.name)}]`);
  }
  return text + named.join('') + others.sort().join('');
}

const hasText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '');

export function domShape(root: Element): string {
  const lines: string[] = [];
  let nodes = 0;
  const walk = (el: Element, depth: number): string[] => {
    if (++nodes > MAX_NODES) return [];
    const own = `${describe(el)}${hasText(el) ? '  "…"' : ''}`;
    if (depth >= MAX_DEPTH) return [el.children.length ? `${own} …` : own];
    const out = [own];
    let previous: string | null = null;
    let repeated = false;
    for (const child of [...el.children]) {
      if (SKIPPED.has(child.tagName.toUpperCase())) continue;
      const block = walk(child, depth + 1)
        .map((l) => `  ${l}`)
        .join('\n');
      if (block === previous) {
        if (!repeated) out.push('  (repeated)');
        repeated = true;
        continue;
      }
      if (block) out.push(block);
      previous = block;
      repeated = false;
    }
    return out;
  };
  lines.push(...walk(root, 0));
  if (nodes > MAX_NODES) lines.push('…');
  const text = lines.join('\n');
  return text.length > MAX_DOM_CHARS ? `${text.slice(0, MAX_DOM_CHARS)}\n…` : text;
}
