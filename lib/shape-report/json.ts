import { maskName } from './mask';

/**
 * The shape of a JSON value: its keys and the types of their values, and nothing of the values
 * themselves (lib/shape-report/mask.ts). Arrays show the merged shape of their elements, without their
 * length. Bounded: a hostile body of any size gives a report of at most MAX_CHARS.
 *
 *     { feedbacks: [ { feedbackDate: string, numericRating: number, suppressed: boolean, … } ] }
 */

const MAX_DEPTH = 8;
const MAX_KEYS = 80;
const MAX_ELEMENTS = 50;
export const MAX_CHARS = 20_000;

/** A shape: a leaf type, an object of shapes, an array of one merged shape, or several of these. */
type Shape = { kind: 'leaf'; types: Set<string> } | { kind: 'object'; keys: Map<string, Shape>; more: boolean } | { kind: 'array'; of: Shape | null };

const leafType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function shapeOf(value: unknown, depth: number): Shape {
  if (depth >= MAX_DEPTH) return { kind: 'leaf', types: new Set([value !== null && typeof value === 'object' ? '…' : leafType(value)]) };
  if (Array.isArray(value)) {
    let of: Shape | null = null;
    for (const item of value.slice(0, MAX_ELEMENTS)) of = merge(of, shapeOf(item, depth + 1));
    return { kind: 'array', of };
  }
  if (value !== null && typeof value === 'object') {
    const keys = new Map<string, Shape>();
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [key, v] of entries.slice(0, MAX_KEYS)) {
      const name = maskName(key);
      keys.set(name, merge(keys.get(name) ?? null, shapeOf(v, depth + 1)));
    }
    return { kind: 'object', keys, more: entries.length > MAX_KEYS };
  }
  return { kind: 'leaf', types: new Set([leafType(value)]) };
}

/** Two shapes seen at one place (array elements, or keys that mask alike) as one. */
function merge(a: Shape | null, b: Shape): Shape {
  if (!a) return b;
  if (a.kind === 'object' && b.kind === 'object') {
    const keys = new Map(a.keys);
    for (const [k, s] of b.keys) keys.set(k, merge(keys.get(k) ?? null, s));
    return { kind: 'object', keys, more: a.more || b.more };
  }
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', of: b.of ? merge(a.of, b.of) : a.of };
  if (a.kind === 'leaf' && b.kind === 'leaf') return { kind: 'leaf', types: new Set([...a.types, ...b.types]) };
  // An object here, a string there: say both.
  const types = new Set<string>();
  for (const s of [a, b]) {
    if (s.kind === 'leaf') s.types.forEach((t) => types.add(t));
    else types.add(s.kind);
  }
  return { kind: 'leaf', types };
}

function write(shape: Shape, indent: string): string {
  if (shape.kind === 'leaf') return [...shape.types].sort().join(' | ');
  if (shape.kind === 'array') return shape.of ? `[ ${write(shape.of, indent)} ]` : '[ ]';
  const inner = `${indent}  `;
  const lines = [...shape.keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, s]) => `${inner}${k}: ${write(s, inner)}`);
  if (shape.more) lines.push(`${inner}…`);
  return lines.length ? `{\n${lines.join('\n')}\n${indent}}` : '{ }';
}

/** The shape of a parsed JSON body, or of text that is not JSON (then only that). */
export function jsonShape(body: unknown): string {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return '(not JSON)';
    }
  }
  const text = write(shapeOf(value, 0), '');
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}\n…` : text;
}
