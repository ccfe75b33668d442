import { BRIDGE_MARKER, isBridgeCapture, type BridgeCapture } from './bridge-protocol';

/** The bridge's one announcement of its port (`event.data` is whatever anyone posted to `window`). */
const isAnnouncement = (data: unknown): boolean => typeof data === 'object' && data !== null && (data as Record<string, unknown>)[BRIDGE_MARKER] === true;

/**
 * Isolated-world side of the bridge: takes the first port announced with the marker (ours, posted
 * before any page script could run) and forwards each well-formed capture. Later announcements,
 * and anything posted to `window`, are ignored.
 */
export function listenToPageBridge(win: Window, onCapture: (capture: BridgeCapture) => void, signal: AbortSignal): void {
  let port: MessagePort | undefined;
  const onMessage = (event: MessageEvent) => {
    if (port || event.source !== win || !isAnnouncement(event.data)) return;
    const offered = event.ports[0];
    if (!offered) return;
    port = offered;
    win.removeEventListener('message', onMessage);
    port.onmessage = (message) => {
      if (isBridgeCapture(message.data)) onCapture(message.data);
    };
    signal.addEventListener('abort', () => port?.close(), { once: true });
  };
  win.addEventListener('message', onMessage, { signal });
}
