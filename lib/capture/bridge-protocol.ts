/**
 * The MAIN-world bridge and the isolated content script talk over a private MessageChannel. The
 * bridge announces its port once, with this marker, before any page script has run; the content
 * script takes the first port it is offered and ignores every later offer, so a page script
 * posting look-alike messages cannot feed it data.
 */
export const BRIDGE_MARKER = 'redline-bridge-v1';

export interface BridgeCapture {
  path: string;
  status: number;
  contentType: string | null;
  body: string;
  observedAt: number;
}

export function isBridgeCapture(value: unknown): value is BridgeCapture {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.path === 'string' &&
    typeof v.status === 'number' &&
    (typeof v.contentType === 'string' || v.contentType === null) &&
    typeof v.body === 'string' &&
    typeof v.observedAt === 'number'
  );
}
