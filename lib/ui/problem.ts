/**
 * What went wrong, in the seller's words: the popup's problem notice (from the worker's log) and the
 * options page's failed saves (from the worker's answer). Two failures need more than "failed: …":
 * - a full disk (QuotaExceededError): nothing of the batch was stored; free space or delete old data;
 * - the worker stopped while it worked (the browser ends an MV3 worker at will): what it had finished
 *   is kept, the batch it was writing is not (one transaction), and doing it again completes it.
 */
import type { LogEntry } from '../storage/records';
import { t, type MessageKey } from './i18n';
import { quote } from './text';

const QUOTA = /QuotaExceeded|\bquota\b/i;
/** The extension API's words when the worker ended before it answered (Chrome, Firefox, the polyfill, our client). */
const WORKER_GONE = /no answer from the background worker|message port closed|message channel closed|Receiving end does not exist/i;

export type FailureKind = 'quota' | 'workerStopped' | 'other';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function failureKind(error: unknown): FailureKind {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (QUOTA.test(text)) return 'quota';
  return WORKER_GONE.test(text) ? 'workerStopped' : 'other';
}

/** The options page's sentence for a failed action: specific for a full disk or a stopped worker, else `generic` with the error's words. */
export function failureText(error: unknown, generic: MessageKey): string {
  const kind = failureKind(error);
  if (kind === 'quota') return t('options_quotaError');
  if (kind === 'workerStopped') return t('options_workerStopped');
  return t(generic, quote(errorMessage(error), 300));
}

export type ProblemKind = 'signedOut' | 'quota' | 'storage' | 'unrecognized';

/** A failed capture or import in the log: signed out, a full disk, another storage failure, or a page not read. */
export function problemKind(entry: Pick<LogEntry, 'reason' | 'detail'>): ProblemKind {
  if (entry.reason === 'signedOut') return 'signedOut';
  if (entry.reason === 'storageFailed') return QUOTA.test(entry.detail ?? '') ? 'quota' : 'storage';
  return 'unrecognized';
}

/** The notice's title and sentence for a problem; `source` names the page or file, already quoted. */
export function problemWording(kind: ProblemKind, source: string): { title: string; text: string } {
  switch (kind) {
    case 'signedOut':
      return { title: t('problem_signedOut_title'), text: t('problem_signedOut') };
    case 'quota':
      return { title: t('problem_quota_title'), text: t('problem_quota', source) };
    case 'storage':
      return { title: t('problem_storage_title'), text: t('problem_storage', source) };
    case 'unrecognized':
      return { title: t('problem_unrecognized_title'), text: t('problem_unrecognized', source) };
  }
}
