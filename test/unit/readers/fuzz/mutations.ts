/**
 * Seeded mutations of reader inputs. Each variant says what kind of change it is, which decides the
 * oracle (oracle.ts): `same` keeps the meaning, `lossy` removes or breaks information, `noise`
 * changes bytes anywhere (only the invariants can be checked: a digit changed inside a valid
 * number is a valid, different number no reader can detect).
 */
import type { Random } from '../../../demo-site/random';
import { parseTsv } from '../../../../lib/readers/tsv';
import { LINES_REMOVED } from './oracle';

export type VariantKind = 'same' | 'lossy' | 'noise';

export interface Variant {
  op: string;
  kind: VariantKind;
  /** Text for readAny, or a parsed JSON value for the seed's own reader. */
  input: unknown;
  /** Values the mutation wrote: a record may carry them (oracle.ts `noNewFacts`). */
  traces: unknown[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Strings a reader must keep as inert text or refuse: markup, script, bidi overrides, controls, lookalikes. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror="globalThis.__redlinePwned=1">',
  '<script>globalThis.__redlinePwned=1</script>',
  '\u202Egnp.exe\u202C',
  '"><svg onload=alert(1)>',
  '=HYPERLINK("http://evil.test","x")',
  '\u0000\u0007\u001b[31m',
  '１２３４', // full-width digits
  '𝟙𝟚𝟛', // mathematical digits
  '١٢٣', // Arabic-Indic digits
  'NaN',
  'Infinity',
  '-1',
  '1e400',
  '0x10',
  '',
  ' ',
  '\u200B',
];

/** Values of the wrong type for whatever field they replace (booleans excluded: `true` can be a field's real value). */
const WRONG_TYPES: Json[] = [{}, [], [null], { value: 1 }, 'x', 'null', '2026-13-45T99:99:99Z', ...HOSTILE_STRINGS];

/** Numbers at and beyond every bound: huge, negative, fractional counts, around the seconds/ms switch. */
const EDGE_NUMBERS = [1e308, 1e21, 2 ** 53 + 2, 8.64e15 + 1, 99_999_999_999, 100_000_000_001, -1, -1e-9, 0.5, 1.0000001, 0, 1e-300];

const MEGABYTE = 'A'.repeat(1_048_576);

/** Lists whose items are whole records: the same record twice is still that record. */
const RECORD_LISTS = new Set(['orders', 'Orders', 'feedbacks', 'chargebacks', 'claims', 'performanceMetrics', 'defects', 'readings']);

function allPaths(value: Json, path: Path = [], out: Path[] = []): Path[] {
  if (path.length) out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...path, k], out);
  return out;
}

const clone = <T>(v: T): T => structuredClone(v);

function parentOf(root: Json, path: Path): { parent: Json[] | Record<string, Json>; key: string | number } {
  let node: Json = root;
  for (const step of path.slice(0, -1)) node = (node as Record<string, Json>)[step as string]!;
  return { parent: node as Json[] | Record<string, Json>, key: path.at(-1)! };
}

function setAt(root: Json, path: Path, value: Json): Json {
  const copy = clone(root);
  const { parent, key } = parentOf(copy, path);
  (parent as Record<string, Json>)[key as string] = value;
  return copy;
}

function shuffleKeys(value: Json, rng: Random): Json {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rng));
  if (!value || typeof value !== 'object') return value;
  const entries = rng.sample(Object.entries(value), Object.keys(value).length);
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, rng)]));
}

function randomJson(rng: Random, depth = 0): Json {
  switch (rng.int(0, depth > 1 ? 3 : 5)) {
    case 0:
      return rng.pick(HOSTILE_STRINGS);
    case 1:
      return rng.pick(EDGE_NUMBERS);
    case 2:
      return rng.chance(0.5);
    case 3:
      return null;
    case 4:
      return [randomJson(rng, depth + 1), randomJson(rng, depth + 1)];
    default:
      return { x_fuzz_inner: randomJson(rng, depth + 1) };
  }
}

const isObject = (v: Json): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);

/** One mutation of a JSON document (`text` is its text as a file holds it). */
export function mutateJson(text: string, rng: Random): Variant {
  const doc = JSON.parse(text) as Json;
  const paths = allPaths(doc);
  const at = () => rng.pick(paths);
  const leafPaths = () =>
    paths.filter((p) => {
      const { parent, key } = parentOf(doc, p);
      const v = (parent as Record<string, Json>)[key as string];
      return v === null || typeof v !== 'object';
    });
  const json = (value: Json, op: string, kind: VariantKind, traces: unknown[] = []): Variant => ({ op, kind, input: JSON.stringify(value), traces });

  switch (rng.int(0, 13)) {
    case 0:
      return json(shuffleKeys(doc, rng), 'reorder keys', 'same');
    case 1: {
      const objects = [[] as Path, ...paths].filter((p) => isObject(p.length ? (parentOf(doc, p).parent as Record<string, Json>)[p.at(-1) as string]! : doc));
      const path = rng.pick(objects);
      const copy = clone(doc);
      const target = path.length
        ? ((parentOf(copy, path).parent as Record<string, Json>)[path.at(-1) as string] as Record<string, Json>)
        : (copy as Record<string, Json>);
      target[`x_fuzz_${rng.int(0, 999)}`] = randomJson(rng);
      return json(copy, 'add an unknown field', 'same');
    }
    case 2:
      return {
        op: 'reformat (indent, CRLF)',
        kind: 'same',
        input: JSON.stringify(doc, null, rng.int(1, 4)).replace(/\n/g, rng.chance(0.5) ? '\r\n' : '\n'),
        traces: [],
      };
    case 3: {
      // Only lists of whole records: a second identical package or item says something else.
      const arrays = paths.filter((p) => {
        const v = (parentOf(doc, p).parent as Record<string, Json>)[p.at(-1) as string];
        return RECORD_LISTS.has(String(p.at(-1))) && Array.isArray(v) && v.length > 0;
      });
      if (!arrays.length) return json(doc, 'no array to duplicate in', 'same');
      const path = rng.pick(arrays);
      const copy = clone(doc);
      const list = (parentOf(copy, path).parent as Record<string, Json>)[path.at(-1) as string] as Json[];
      list.push(clone(list[rng.int(0, list.length - 1)]!));
      return json(copy, `duplicate an item of ${path.join('.')}`, 'same');
    }
    case 4: {
      const path = at();
      const copy = clone(doc);
      const { parent, key } = parentOf(copy, path);
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return json(copy, `remove ${path.join('.')}`, 'lossy');
    }
    case 5: {
      const path = at();
      return json(setAt(doc, path, null), `null ${path.join('.')}`, 'lossy');
    }
    case 6: {
      const path = at();
      const value = rng.pick(WRONG_TYPES);
      return json(setAt(doc, path, value), `${path.join('.')} = ${JSON.stringify(value).slice(0, 40)}`, 'lossy', [value]);
    }
    case 7: {
      const named = paths.filter((p) => typeof p.at(-1) === 'string');
      const path = rng.pick(named);
      const copy = clone(doc);
      const { parent, key } = parentOf(copy, path);
      const record = parent as Record<string, Json>;
      record[`${String(key).toUpperCase()}_`] = record[key as string]!;
      delete record[key as string];
      return json(copy, `rename ${path.join('.')}`, 'lossy');
    }
    case 8: {
      const numeric = leafPaths().filter((p) => typeof (parentOf(doc, p).parent as Record<string, Json>)[p.at(-1) as string] === 'number');
      const path = numeric.length ? rng.pick(numeric) : at();
      const value = rng.pick(EDGE_NUMBERS);
      return json(setAt(doc, path, value), `${path.join('.')} = ${value}`, 'lossy', [value]);
    }
    case 9: {
      const strings = leafPaths().filter((p) => typeof (parentOf(doc, p).parent as Record<string, Json>)[p.at(-1) as string] === 'string');
      const path = strings.length ? rng.pick(strings) : at();
      // A megabyte is slow to push through thousands of runs: one variant in four gets it.
      const value = rng.chance(0.25) ? MEGABYTE : `${rng.pick(HOSTILE_STRINGS)}${rng.pick(HOSTILE_STRINGS)}`;
      return json(setAt(doc, path, value), `${path.join('.')} = hostile/huge string`, 'lossy', [value]);
    }
    case 10: {
      const text2 = JSON.stringify(doc);
      const cut = rng.int(0, text2.length - 1);
      return { op: `truncate at ${cut}/${text2.length}`, kind: 'lossy', input: text2.slice(0, cut), traces: [] };
    }
    case 11: {
      // The number Amazon wrote, as text with an exponent: JSON that parses to Infinity.
      const numeric = leafPaths().filter((p) => typeof (parentOf(doc, p).parent as Record<string, Json>)[p.at(-1) as string] === 'number');
      if (!numeric.length) return json(doc, 'no number to overflow', 'same');
      const path = rng.pick(numeric);
      const marker = `"__fuzz_overflow__"`;
      return {
        op: `${path.join('.')} = 1e400`,
        kind: 'lossy',
        input: JSON.stringify(setAt(doc, path, '__fuzz_overflow__')).replace(marker, '1e400'),
        traces: [],
      };
    }
    default:
      return { ...noise(JSON.stringify(doc), rng), traces: [] };
  }
}

/** Random bytes written over, inserted into or deleted from the text. */
export function noise(text: string, rng: Random): Variant {
  const chars = [...text];
  const edits = rng.int(1, 4);
  for (let i = 0; i < edits; i++) {
    const at = rng.int(0, chars.length);
    const byte = String.fromCharCode(rng.pick([rng.int(0, 0x7f), rng.int(0x80, 0xffff), 0xfffd, 0x202e, 0]));
    const what = rng.int(0, 2);
    if (what === 0) chars.splice(at, 1, byte);
    else if (what === 1) chars.splice(at, 0, byte);
    else chars.splice(at, 1);
  }
  return { op: `${edits} random byte edits`, kind: 'noise', input: chars.join(''), traces: [] };
}

// ---- tab-separated reports ----

interface Table {
  header: string[];
  rows: string[][];
}

const tsv = ({ header, rows }: Table, eol = '\n') => [header, ...rows].map((r) => r.join('\t')).join(eol) + eol;

function permute<T>(list: T[], order: number[]): T[] {
  return order.map((i) => list[i]!);
}

/** Header spellings a person or a spreadsheet might produce; column lookup ignores case and punctuation. */
function respell(name: string, rng: Random): string {
  const spelled = rng.pick([name.toUpperCase(), name.toLowerCase(), name.replace(/[-_ ]/g, ' '), name.replace(/[-_ ]/g, '_'), ` ${name} `]);
  return spelled.trim() === '' ? name : spelled;
}

/** One mutation of a flat-file report. */
export function mutateTable(text: string, rng: Random): Variant {
  const table = parseTsv(text) as Table;
  const width = table.header.length;
  const rows = table.rows.map((r) => [...r, ...Array(Math.max(0, width - r.length)).fill('')]);
  const t: Table = { header: [...table.header], rows };
  const col = () => rng.int(0, width - 1);
  const same = (next: Table | string, op: string): Variant => ({ op, kind: 'same', input: typeof next === 'string' ? next : tsv(next), traces: [] });
  const lossy = (next: Table | string, op: string, traces: unknown[] = []): Variant => ({
    op,
    kind: 'lossy',
    input: typeof next === 'string' ? next : tsv(next),
    traces,
  });

  switch (rng.int(0, 11)) {
    case 0: {
      const order = rng.sample([...Array(width).keys()], width);
      return same({ header: permute(t.header, order), rows: t.rows.map((r) => permute(r, order)) }, 'reorder columns');
    }
    case 1: {
      const at = rng.int(0, width);
      const insert = <T>(r: T[], v: T) => [...r.slice(0, at), v, ...r.slice(at)];
      return same(
        { header: insert(t.header, `x-fuzz-${rng.int(0, 99)}`), rows: t.rows.map((r) => insert(r, rng.pick(HOSTILE_STRINGS).replace(/[\t\r\n"]/g, ''))) },
        'add a column',
      );
    }
    case 2:
      return same(`\uFEFF${tsv(t, '\r\n')}\r\n\r\n`, 'BOM, CRLF, blank lines');
    case 3: {
      const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
      return same({ header: t.header, rows: t.rows.map((r) => r.map(quote)) }, 'quote every field');
    }
    case 4:
      return same({ header: t.header.map((h) => respell(h, rng)), rows: t.rows }, 'respell the header');
    case 5: {
      const c = col();
      return lossy({ header: t.header.filter((_, i) => i !== c), rows: t.rows.map((r) => r.filter((_, i) => i !== c)) }, `remove column ${t.header[c]}`);
    }
    case 6: {
      const c = col();
      return lossy({ header: t.header.map((h, i) => (i === c ? `${h}-renamed` : h)), rows: t.rows }, `rename column ${t.header[c]}`);
    }
    case 7: {
      if (!t.rows.length) return same(t, 'no row to remove');
      const r = rng.int(0, t.rows.length - 1);
      return lossy({ header: t.header, rows: t.rows.filter((_, i) => i !== r) }, `remove row ${r + 2}`, [LINES_REMOVED]);
    }
    case 8: {
      if (!t.rows.length) return same(t, 'no cell to change');
      const r = rng.int(0, t.rows.length - 1);
      const c = col();
      const value = rng.pick([...HOSTILE_STRINGS, String(rng.pick(EDGE_NUMBERS)), '31/02/26', '2026-02-30', '99', '0']).replace(/[\t\r\n"]/g, '');
      const rows2 = t.rows.map((row, i) => (i === r ? row.map((v, j) => (j === c ? value : v)) : row));
      // A changed order id moves the row's line to another order.
      const moved = /order-?id/i.test(t.header[c]!) ? [LINES_REMOVED] : [];
      return lossy({ header: t.header, rows: rows2 }, `row ${r + 2} ${t.header[c]} = ${JSON.stringify(value).slice(0, 30)}`, [value, ...moved]);
    }
    case 9: {
      if (!t.rows.length) return same(t, 'no cell to enlarge');
      const r = rng.int(0, t.rows.length - 1);
      const c = col();
      const rows2 = t.rows.map((row, i) => (i === r ? row.map((v, j) => (j === c ? MEGABYTE : v)) : row));
      return lossy({ header: t.header, rows: rows2 }, `row ${r + 2} ${t.header[c]} = 1 MB`, [MEGABYTE]);
    }
    case 10: {
      const full = tsv(t);
      const cut = rng.int(0, full.length - 1);
      return lossy(full.slice(0, cut), `truncate at ${cut}/${full.length}`);
    }
    default:
      return noise(tsv(t), rng);
  }
}
