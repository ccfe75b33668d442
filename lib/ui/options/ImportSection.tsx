import { useEffect, useState } from 'preact/hooks';
import { sendBulkToBackground } from '../../messaging/bulk';
import { sendToBackground } from '../../messaging/client';
import { marketplaceById } from '../../marketplaces';
import { importPreview, readImportFiles, type ImportPreview, type ReadFile } from '../../readers/import-files';
import { formatCount, formatDate } from '../format';
import { t, tp, uiLocale, type MessageKey } from '../i18n';
import { failureKind, failureText, problemKind } from '../problem';
import { quote } from '../text';

const FORMAT_KEYS: Record<string, MessageKey> = {
  'flat/all-orders': 'format_flat_all_orders',
  'flat/unshipped': 'format_flat_unshipped',
  'flat/feedback': 'format_flat_feedback',
  'sp-api/orders-2026': 'format_sp_orders',
  'sp-api/orders-v0': 'format_sp_orders_v0',
  'sp-api/performance-report': 'format_sp_performance',
  'performance-api/summary': 'format_performance_summary',
  'fbmapi/feedbacks': 'format_feedbacks_api',
  'chargebacks-api': 'format_chargebacks_api',
  'claims-api': 'format_claims_api',
};

export function formatName(format: string | undefined): string {
  if (!format) return '';
  const key = FORMAT_KEYS[format];
  return key ? t(key) : format;
}

function reasonText(preview: ImportPreview): string {
  const known: Record<string, MessageKey> = {
    signedOut: 'reason_signedOut',
    unknownFormat: 'reason_unknownFormat',
    invalid: 'reason_invalid',
    empty: 'reason_empty',
  };
  const key = preview.reason ? known[preview.reason] : undefined;
  return key ? t(key) : (preview.reason ?? '');
}

function marketplaceNames(ids: string[], locale: string): string {
  const regions = new Intl.DisplayNames(locale, { type: 'region' });
  return ids
    .map((id) => {
      const country = marketplaceById(id)?.country;
      return country ? (regions.of(country === 'UK' ? 'GB' : country) ?? country) : id;
    })
    .join(', ');
}

type Phase = 'idle' | 'reading' | 'previewed' | 'saving' | 'saved' | 'error';

/**
 * Why a save failed. The worker's answer carries only the error's message, which for a full disk need
 * not say "quota"; the worker's log says so (reason `storageFailed`, detail `QuotaExceededError: …`).
 */
async function saveFailure(error: unknown, since: number): Promise<string> {
  if (failureKind(error) === 'other') {
    const problem = await sendToBackground({ type: 'getPopupState' }).then(
      (s) => s.problem,
      () => null,
    );
    if (problem && problem.at >= since && problemKind(problem) === 'quota') return t('options_quotaError');
  }
  return failureText(error, 'options_importError');
}

/**
 * Import of Amazon report files: pick or drop, see what each file is (format, orders, dates,
 * marketplace) before anything is stored, then save. Files are read in the browser; nothing is sent
 * anywhere.
 */
export function ImportSection() {
  /** The files as read here, on the options page: the worker is sent only their records. */
  const [files, setFiles] = useState<ReadFile[]>([]);
  const [previews, setPreviews] = useState<ImportPreview[]>([]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState('');
  /** The save failed: the previewed files stay, and can be saved again. */
  const [retry, setRetry] = useState(false);
  // The popup's "import your reports" links here (options.html#import): the section may be drawn after the browser looked for it.
  useEffect(() => {
    if (location.hash === '#import') document.getElementById('import')?.scrollIntoView?.();
  }, []);
  const [dragging, setDragging] = useState(false);
  const locale = uiLocale();

  const read = async (list: FileList | File[]) => {
    const picked = [...list].slice(0, 50);
    if (!picked.length) return;
    setPhase('reading');
    try {
      const texts = await Promise.all(picked.map(async (f) => ({ name: f.name.slice(0, 300), text: await f.text() })));
      const context = await sendToBackground({ type: 'getImportContext' });
      const read = readImportFiles(texts, { observedAt: Date.now(), ...context });
      setFiles(read);
      setPreviews(read.map(importPreview));
      setRetry(false);
      setPhase('previewed');
    } catch (e) {
      setError(failureText(e, 'options_importError'));
      setPhase('error');
    }
  };

  const save = async () => {
    const started = Date.now();
    setPhase('saving');
    try {
      const recognised = files.flatMap(({ name, result }) => (result.ok ? [{ name, batch: result.batch }] : []));
      await sendBulkToBackground({ type: 'importBatches', files: recognised });
      setFiles([]);
      setRetry(false);
      setPhase('saved');
    } catch (e) {
      setError(await saveFailure(e, started));
      setRetry(true);
      setPhase('error');
    }
  };

  const okCount = previews.filter((p) => p.ok).length;
  return (
    <section class="panel" aria-labelledby="import-title" id="import">
      <h2 id="import-title">{t('options_import')}</h2>
      <p class="muted">{t('options_import_intro')}</p>
      <div
        class={`drop${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (e.dataTransfer?.files) void read(e.dataTransfer.files);
        }}
      >
        <p>{t('options_drop')}</p>
        <label class="button">
          {t('options_pick')}
          <input
            type="file"
            multiple
            accept=".txt,.tsv,.csv,.json,text/plain,text/tab-separated-values,text/csv,application/json"
            class="visually-hidden"
            data-test-id="import-input"
            onChange={(e) => {
              const input = e.currentTarget;
              if (input.files) void read(input.files);
              input.value = '';
            }}
          />
        </label>
      </div>

      <p class="status" role="status" aria-live="polite">
        {phase === 'reading' && t('options_reading')}
        {phase === 'saving' && t('options_saving')}
        {phase === 'saved' && tp('options_saved', okCount)}
        {phase === 'error' && error}
      </p>

      {previews.length > 0 && (
        <div class="table-wrap">
          <table class="previews" data-test-id="import-preview">
            <thead>
              <tr>
                <th scope="col">{t('options_file')}</th>
                <th scope="col">{t('options_format')}</th>
                <th scope="col">{t('options_orders')}</th>
                <th scope="col">{t('options_defects')}</th>
                <th scope="col">{t('options_readings')}</th>
                <th scope="col">{t('options_dates')}</th>
                <th scope="col">{t('options_marketplace')}</th>
              </tr>
            </thead>
            <tbody>
              {previews.map((p, i) => (
                <tr key={`${p.name}-${i}`} class={p.ok ? '' : 'not-recognised'}>
                  <th scope="row" class="file-name">
                    {p.name}
                  </th>
                  {p.ok ? (
                    <>
                      <td>
                        <span class="pill pill-ok">
                          <span class="pill-icon" aria-hidden="true">
                            ✓
                          </span>
                          {formatName(p.format)}
                        </span>
                      </td>
                      <td class="num">{formatCount(p.orders, locale)}</td>
                      <td class="num">{formatCount(p.defects, locale)}</td>
                      <td class="num">{formatCount(p.readings, locale)}</td>
                      <td>{p.from !== undefined && p.to !== undefined ? `${formatDate(p.from, locale)} – ${formatDate(p.to, locale)}` : '–'}</td>
                      <td>{marketplaceNames(p.marketplaces, locale) || '–'}</td>
                    </>
                  ) : (
                    <td colSpan={6}>
                      <span class="pill pill-breach">
                        <span class="pill-icon" aria-hidden="true">
                          ✕
                        </span>
                        {t('options_notRecognised')}
                      </span>{' '}
                      {reasonText(p)}
                      {p.detail && <span class="muted small"> ({quote(p.detail, 300)})</span>}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {(phase === 'previewed' || (phase === 'error' && retry)) && (
        <div class="actions">
          <button type="button" class="button button-primary" disabled={okCount === 0} onClick={() => void save()}>
            {tp('options_saveFiles', okCount)}
          </button>
          <button
            type="button"
            class="button"
            onClick={() => {
              setFiles([]);
              setPreviews([]);
              setRetry(false);
              setPhase('idle');
            }}
          >
            {t('options_cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
