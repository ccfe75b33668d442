import { Message } from '../messaging/protocol';
import { isTrustedSender, type SenderInfo } from '../messaging/sender';
import type { RedlineService } from './service';

export interface ExtensionIdentity {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/` */
  origin: string;
}

export class RejectedMessage extends Error {}

/**
 * Validates a message and its sender, then calls the service. Anything malformed, or sent by
 * something other than our own pages and content scripts on Seller Central, is rejected.
 */
export async function routeMessage(service: RedlineService, raw: unknown, sender: SenderInfo, self: ExtensionIdentity): Promise<unknown> {
  const parsed = Message.safeParse(raw);
  if (!parsed.success) throw new RejectedMessage('malformed message');
  const message = parsed.data;
  if (!isTrustedSender(sender, message.type, self.id, self.origin)) throw new RejectedMessage(`untrusted sender for ${message.type}`);
  const host = sender.tab?.url ? new URL(sender.tab.url).host : new URL(sender.url ?? 'about:blank').host;

  switch (message.type) {
    case 'captureResponse':
      return service.captureResponse(message, host);
    case 'captureDom':
      return service.captureDom(message, host);
    case 'pageNotRecognized':
      return service.pageNotRecognized(message);
    case 'getDataLog':
      return service.dataLog();
    case 'getOrderRisks':
      return service.orderRisks(message.orderIds);
    case 'getPageContext':
      return service.pageContext(host);
    case 'getPopupState':
      return service.popupState(message.scope);
    case 'explainMetric':
      return service.explain(message.metric, message.scope);
    case 'setActiveScope':
      return service.setActiveScope(message.scope);
    case 'getSettings':
      return service.settings();
    case 'saveSettings':
      return service.saveSettings(message.settings);
    case 'getImportContext':
      return service.importContext();
    case 'importBatches':
      return service.importBatches(message.files);
    case 'exportData':
      return service.exportData();
    case 'deleteAllData':
      return service.deleteAll();
    case 'checkTracking':
      return service.checkTracking(message.orderId, message.carrier, message.trackingNumber, host);
    case 'getActionImpact':
      return service.actionImpact(message.orderId, message.action, host);
    case 'getRemovableFeedback':
      return service.removableFeedback(host, message.scope);
    case 'getOpenDisputes':
      return service.openDisputes(host, message.scope);
  }
}
