/**
 * The MAIN-world bridge and the isolated content script talk over a private MessageChannel. The
 * bridge announces its port once, with this marker, before any page script has run; the content
 * script takes the first port it is offered and ignores every later offer, so a page script
 * posting look-alike messages cannot feed it data.
 */
import type { RequestPaging } from '../model/paging';

export const BRIDGE_MARKER = 'redline-bridge-v1';

export interface BridgeCapture {
  path: string;
  status: number;
  contentType: string | null;
  /**
   * The response's bytes (UTF-8), transferred rather than copied: a `fetch` body. XHR bodies the
   * page already read as text come as that string.
   */
  body: ArrayBuffer | string;
  /** The request's paging parameters only (lib/model/paging.ts), never the rest of its query. */
  paging?: RequestPaging;
  observedAt: number;
}

/**
 * By its tag, not `instanceof`: the buffer was made in the page's world (Firefox hands a content
 * script the page's objects through wrappers, whose prototype is not the content script's).
 */
export const isArrayBuffer = (value: unknown): value is ArrayBuffer => Object.prototype.toString.call(value) === '[object ArrayBuffer]';

export function isBridgeCapture(value: unknown): value is BridgeCapture {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.path === 'string' &&
    typeof v.status === 'number' &&
    (typeof v.contentType === 'string' || v.contentType === null) &&
    (typeof v.body === 'string' || isArrayBuffer(v.body)) &&
    typeof v.observedAt === 'number' &&
    (v.paging === undefined || (typeof v.paging === 'object' && v.paging !== null))
  );
}
