import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { LogEntry } from '../../storage/records';
import { t, uiLocale } from '../i18n';
import { sourceName } from '../page-names';
import { failureText } from '../problem';
import { entryLines, entryReport } from './data-log';

/** A changed page's shape report: shown as text, copied with one click (or selected by hand). */
function ShapeReport({ report }: { report: string }) {
  const text = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'' | 'copied' | 'failed'>('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report);
      setCopied('copied');
    } catch {
      text.current?.select();
      setCopied('failed');
    }
  };
  return (
    <details class="shape-report">
      <summary>{t('log_shapeReport')}</summary>
      <textarea ref={text} readOnly rows={12} spellcheck={false} value={report} aria-label={t('log_shapeReport')} />
      <div class="actions">
        <button type="button" class="button" onClick={() => void copy()}>
          {t('log_copy')}
        </button>
        <span role="status">{copied === 'copied' ? t('log_copied') : copied === 'failed' ? t('log_copyFailed') : ''}</span>
      </div>
    </details>
  );
}

function Entry({ entry, when }: { entry: LogEntry; when: Intl.DateTimeFormat }) {
  const report = entryReport(entry);
  const title = report ? t('log_looksDifferent', sourceName(entry)) : sourceName(entry);
  return (
    <li class={`log-entry ${entry.ok ? 'log-ok' : 'log-failed'}`} data-log-ok={String(entry.ok)} data-log-page={entry.page ?? ''}>
      <div class="log-head">
        <time dateTime={new Date(entry.at).toISOString()}>{when.format(entry.at)}</time>
        <span class="log-title">{title}</span>
      </div>
      {entryLines(entry).map((line) => (
        <p class="log-line">{line}</p>
      ))}
      {report && <ShapeReport report={report} />}
    </li>
  );
}

/** The worker's log, newest first: what was read, what was not and why, and how a changed page looked. */
export function DataLogSection() {
  const [entries, setEntries] = useState<LogEntry[] | null>(null);
  const [failure, setFailure] = useState('');
  const load = () =>
    sendToBackground({ type: 'getDataLog' }).then(
      (log) => {
        setEntries(log);
        setFailure('');
      },
      (e: unknown) => setFailure(failureText(e, 'options_log_failed')),
    );
  useEffect(() => {
    void load();
  }, []);
  const when = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section class="panel" aria-labelledby="log-title">
      <h2 id="log-title">{t('options_log')}</h2>
      <p class="muted">{t('options_log_intro')}</p>
      <div class="actions">
        <button type="button" class="button" onClick={() => void load()}>
          {t('options_log_refresh')}
        </button>
      </div>
      {failure && <p class="status">{failure}</p>}
      {entries && entries.length === 0 && <p class="muted">{t('options_log_empty')}</p>}
      {entries && entries.length > 0 && (
        <ol class="data-log">
          {entries.map((entry) => (
            <Entry key={entry.seq ?? entry.at} entry={entry} when={when} />
          ))}
        </ol>
      )}
    </section>
  );
}
