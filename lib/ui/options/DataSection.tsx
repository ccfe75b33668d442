import { useState } from 'preact/hooks';
import type { HealthReport } from '../../metrics/report-schema';
import { sendToBackground } from '../../messaging/client';
import { t, tp } from '../i18n';
import { forgetRemembered } from '../popup/remembered';
import { failureText } from '../problem';
import { atRiskCsv } from './csv';
import { datedName, downloadText } from './download';

/** Export everything (JSON) or the at-risk orders (CSV), and delete all data after a confirmation. */
export function DataSection({ onDeleted }: { onDeleted: () => void }) {
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);

  const exportAll = async () => {
    try {
      const data = await sendToBackground({ type: 'exportData' });
      downloadText(datedName('redline-export', 'json'), JSON.stringify(data, null, 2), 'application/json');
      setStatus(t('options_exported', String(data.orders.length)));
    } catch (e) {
      setStatus(failureText(e, 'options_failed'));
    }
  };

  const exportRisks = async () => {
    try {
      const first = await sendToBackground({ type: 'getPopupState' });
      const reports: HealthReport[] = [];
      for (const scope of first.scopes) {
        const state = scope === first.scope ? first : await sendToBackground({ type: 'getPopupState', scope });
        if (state.report) reports.push(state.report);
      }
      const count = reports.reduce((n, r) => n + r.atRiskOrders.length, 0);
      downloadText(datedName('redline-at-risk-orders', 'csv'), atRiskCsv(reports), 'text/csv');
      setStatus(tp('options_exportedRisks', count));
    } catch (e) {
      setStatus(failureText(e, 'options_failed'));
    }
  };

  const deleteAll = async () => {
    try {
      // The popup's copy of its last figures (same origin) goes too: no deleted figure may show again.
      forgetRemembered();
      await sendToBackground({ type: 'deleteAllData' });
      forgetRemembered(); // a popup open meanwhile may have kept one
      setConfirming(false);
      setStatus(t('options_deleted'));
      onDeleted();
    } catch (e) {
      setStatus(failureText(e, 'options_failed'));
    }
  };

  return (
    <section class="panel" aria-labelledby="data-title">
      <h2 id="data-title">{t('options_data')}</h2>
      <p class="muted">{t('options_data_intro')}</p>
      <div class="actions">
        <button type="button" class="button" onClick={() => void exportAll()}>
          {t('options_exportAll')}
        </button>
        <button type="button" class="button" onClick={() => void exportRisks()}>
          {t('options_exportRisks')}
        </button>
        <button type="button" class="button button-danger" onClick={() => setConfirming(true)} aria-expanded={confirming} aria-controls="delete-confirm">
          {t('options_deleteAll')}
        </button>
      </div>
      {confirming && (
        <div id="delete-confirm" class="notice notice-danger" role="alertdialog" aria-labelledby="delete-title" aria-describedby="delete-text">
          <div>
            <p id="delete-title" class="notice-title">
              {t('options_deleteConfirmTitle')}
            </p>
            <p id="delete-text">{t('options_deleteConfirmText')}</p>
            <div class="actions">
              <button type="button" class="button button-danger-solid" onClick={() => void deleteAll()} data-test-id="confirm-delete">
                {t('options_deleteConfirm')}
              </button>
              <button type="button" class="button" onClick={() => setConfirming(false)} autoFocus>
                {t('options_cancel')}
              </button>
            </div>
          </div>
        </div>
      )}
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
