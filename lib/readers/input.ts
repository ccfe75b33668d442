import type { z } from 'zod';
import type { Batch } from '../model';
import { isSignInJson, isSignInPage, looksLikeHtml } from './html';
import { issueDetail, neverThrows, notRecognized, recognized, type Failure, type ReadContext, type Reader } from './result';
import { stripBom } from './tsv';

/**
 * A saved file's text, checked before any format is tried: empty, or HTML where data was
 * expected (a sign-in page means signed out; any other page is not a format Redline reads).
 */
export function textInput(input: unknown): { ok: true; text: string } | Failure {
  if (typeof input !== 'string') return notRecognized('unknownFormat', 'expected the text of a file');
  const text = stripBom(input);
  if (text.trim() === '') return notRecognized('empty', 'the file is empty');
  if (looksLikeHtml(text)) {
    return isSignInPage(text)
      ? notRecognized('signedOut', 'an Amazon sign-in page: the session had expired')
      : notRecognized('unknownFormat', 'an HTML page, not a data file Redline reads');
  }
  return { ok: true, text };
}

/**
 * A JSON reader's input: already parsed (a captured response body) or text (a saved file).
 * Text that does not parse is truncated or malformed (invalid); `{"reason":"sign_in"}` is signed out.
 */
export function jsonInput(input: unknown): { ok: true; value: unknown } | Failure {
  let value = input;
  if (typeof input === 'string') {
    const text = textInput(input);
    if (!text.ok) return text;
    try {
      value = JSON.parse(text.text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'parse error';
      return notRecognized('invalid', `malformed or truncated JSON (${reason})`.slice(0, 300));
    }
  }
  if (isSignInJson(value)) return notRecognized('signedOut', 'Amazon answered "sign_in": the session had expired');
  return { ok: true, value };
}

/**
 * A reader's own reason the input is invalid. It can quote the input (an id of any length), and the
 * worker keeps it in a log entry: at most 300 characters, like every other reason.
 */
export const builtInvalid = (format: string, reason: string): Failure => notRecognized('invalid', `${format}: ${reason}`.slice(0, 300));

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export type BatchParts = Partial<Omit<Batch, 'format'>>;

/**
 * The shape of every JSON reader: input → JSON → schema → records. `build` returns the records,
 * or a sentence saying why they cannot be read (the whole input is then "invalid": no partial batch).
 */
export function jsonReader<T>(format: string, schema: z.ZodType<T>, build: (data: T, ctx: ReadContext) => BatchParts | string): Reader {
  return neverThrows(format, (input, ctx) => {
    const json = jsonInput(input);
    if (!json.ok) return json;
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) return notRecognized('invalid', issueDetail(parsed.error, format));
    const built = build(parsed.data, ctx);
    return typeof built === 'string' ? builtInvalid(format, built) : recognized(format, built);
  });
}

/** Maps every item, or returns the first item's error; `undefined` from `map` leaves the item out. */
export function mapAll<T, R>(items: readonly T[], map: (item: T) => R | string | undefined): R[] | string {
  const out: R[] = [];
  for (const item of items) {
    const r = map(item);
    if (typeof r === 'string') return r;
    if (r !== undefined) out.push(r);
  }
  return out;
}
