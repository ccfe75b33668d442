/**
 * Text that comes from a page or a file (an order id, a file name, a carrier, a buyer's words) inside
 * one of our sentences. It is always rendered as text, never as markup (Preact text, `textContent`);
 * two more things keep it from breaking what surrounds it:
 * - length: a 1 MB word would stretch a popup line or a note without end, so it is cut, with "…";
 * - direction: a right-to-left override (U+202E) in it would reverse the rest of the sentence (a file
 *   named `‮txt.exe` reads as `exe.txt`, and so would our words after it). Wrapped in FIRST STRONG
 *   ISOLATE … POP DIRECTIONAL ISOLATE, its bidi controls end where it ends. A PDI of its own would close
 *   our isolate early, so the text's own PDIs are dropped.
 * Elements that hold nothing but such text get the same from CSS (`unicode-bidi: isolate`,
 * `overflow-wrap: anywhere`) instead.
 */

const FSI = '\u2068';
const PDI = '\u2069';

/** At most `max` UTF-16 units, cut with "…" (never between the halves of a surrogate pair). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate whose low half would be cut off
  return `${text.slice(0, end)}…`;
}

/** Outside text for a sentence: clipped to `max`, its own PDIs dropped, bidi-isolated. */
export function quote(text: string, max = 80): string {
  return `${FSI}${clip(text.replaceAll(PDI, ''), max)}${PDI}`;
}
