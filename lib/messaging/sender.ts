import { isSellerCentralHost } from '../marketplaces';
import { CONTENT_SCRIPT_MESSAGES, type MessageType } from './protocol';

/** The parts of `runtime.MessageSender` the check needs. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Accepts a message only from this extension: its own pages (popup, options) for every message,
 * or its content script in a Seller Central tab for the capture and badge messages. Other
 * extensions and web pages are rejected.
 */
export function isTrustedSender(sender: SenderInfo, type: MessageType, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return true;
  if (!sender.tab || !CONTENT_SCRIPT_MESSAGES.has(type)) return false;
  try {
    const { protocol, host } = new URL(url);
    return protocol === 'https:' && isSellerCentralHost(host);
  } catch {
    return false;
  }
}
