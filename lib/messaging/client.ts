import browser from 'webextension-polyfill';
import type { RedlineService } from '../background/service';
import type { MessageOf, MessageType } from './protocol';

/** What the worker answers to each message: the service method's result, typed end to end. */
export interface ResponseMap {
  captureResponse: Awaited<ReturnType<RedlineService['captureResponse']>>;
  captureDom: Awaited<ReturnType<RedlineService['captureDom']>>;
  pageNotRecognized: void;
  getDataLog: Awaited<ReturnType<RedlineService['dataLog']>>;
  getOrderRisks: Awaited<ReturnType<RedlineService['orderRisks']>>;
  getPageContext: Awaited<ReturnType<RedlineService['pageContext']>>;
  getPopupState: Awaited<ReturnType<RedlineService['popupState']>>;
  explainMetric: Awaited<ReturnType<RedlineService['explain']>>;
  setActiveScope: void;
  getSettings: Awaited<ReturnType<RedlineService['settings']>>;
  saveSettings: void;
  getImportContext: Awaited<ReturnType<RedlineService['importContext']>>;
  importBatches: void;
  exportData: Awaited<ReturnType<RedlineService['exportData']>>;
  deleteAllData: void;
  checkTracking: Awaited<ReturnType<RedlineService['checkTracking']>>;
  getActionImpact: Awaited<ReturnType<RedlineService['actionImpact']>>;
  getRemovableFeedback: Awaited<ReturnType<RedlineService['removableFeedback']>>;
  getOpenDisputes: Awaited<ReturnType<RedlineService['openDisputes']>>;
}

/** The worker wraps every answer, so a failure arrives as a value, not as a lost promise. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

export class BackgroundError extends Error {}

export async function sendToBackground<T extends MessageType>(message: MessageOf<T>): Promise<ResponseMap[T]> {
  return unwrap<T>(await browser.runtime.sendMessage(message));
}

/** The value in the worker's answer, or its error thrown. */
export function unwrap<T extends MessageType>(answer: unknown): ResponseMap[T] {
  const envelope = answer as Envelope<ResponseMap[T]> | undefined;
  if (!envelope) throw new BackgroundError('no answer from the background worker');
  if (!envelope.ok) throw new BackgroundError(envelope.error);
  return envelope.value;
}
