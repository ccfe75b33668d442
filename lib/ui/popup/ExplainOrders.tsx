import { useEffect, useState } from 'preact/hooks';
import type { MetricExplanation } from '../../metrics/explain';
import type { MetricReport } from '../../metrics/report-schema';
import { sendToBackground } from '../../messaging/client';
import { formatDay } from '../format';
import { t, tp, uiLocale } from '../i18n';
import { orderUrl } from '../links';
import { metricGroup } from '../wording';

type Answer = { state: 'idle' } | { state: 'loading' } | { state: 'done'; explanation: MetricExplanation | null } | { state: 'failed'; error: string };

function OrderId({ marketplaceId, orderId }: { marketplaceId: string; orderId: string }) {
  const href = orderUrl(marketplaceId, orderId);
  return href ? (
    <a class="order-id" href={href} target="_blank" rel="noopener noreferrer" aria-label={t('openOrder', orderId)}>
      {orderId}
    </a>
  ) : (
    <span class="order-id">{orderId}</span>
  );
}

/**
 * "Which orders make this": asked of the worker only when the seller asks (a pass over the scope's
 * orders, explain.ts), for the report the popup shows (`asOf`: asked again when a newer one arrives).
 * Lists the orders with the metric's bad event in the window and the next orders to leave it, with dates.
 */
export function ExplainOrders({ metric, scope, asOf }: { metric: MetricReport; scope: string | null; asOf: number }) {
  const [answer, setAnswer] = useState<Answer>({ state: 'idle' });
  const asked = answer.state !== 'idle';
  useEffect(() => {
    if (!asked) return;
    let current = true;
    setAnswer({ state: 'loading' });
    sendToBackground({ type: 'explainMetric', metric: metric.key, ...(scope ? { scope } : {}) }).then(
      (explanation) => current && setAnswer({ state: 'done', explanation }),
      (e: unknown) => current && setAnswer({ state: 'failed', error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
    // `asked` flips once; a new report (asOf) or another metric or scope asks again.
  }, [asked, metric.key, scope, asOf]);

  const id = `explain-${metric.key.replace('.', '-')}`;
  if (!asked) {
    return (
      <button type="button" class="link-button explain-button" aria-controls={id} onClick={() => setAnswer({ state: 'loading' })}>
        {t('explain_button')}
      </button>
    );
  }
  return (
    <div class="explain" id={id} aria-live="polite" aria-busy={answer.state === 'loading'}>
      <h4 class="details-title">{t('explain_title')}</h4>
      {answer.state === 'loading' && <p class="small muted">{t('explain_loading')}</p>}
      {answer.state === 'failed' && <p class="small">{t('explain_failed', answer.error)}</p>}
      {answer.state === 'done' && answer.explanation && <ExplanationList e={answer.explanation} />}
      {answer.state === 'done' && !answer.explanation && <p class="small muted">{t('explain_none')}</p>}
    </div>
  );
}

function ExplanationList({ e }: { e: MetricExplanation }) {
  const locale = uiLocale();
  const group = metricGroup(e.key);
  const shownBad = e.bad.reduce((n, o) => n + o.bad, 0);
  return (
    <>
      <p class="small" data-explain-counted={`${e.counted.bad}/${e.counted.total}`}>
        {tp(`explain_counted_${e.unit}`, e.counted.total, tp(`explain_bad_${group}`, e.counted.bad))}
        {e.counted.unknown > 0 && ` ${tp('explain_unknown', e.counted.unknown)}`}
      </p>
      {e.bad.length > 0 && (
        <ol class="explain-list small" data-explain="bad">
          {e.bad.map((o) => (
            <li key={`${o.orderId}|${o.day}`} data-order={o.orderId}>
              <OrderId marketplaceId={e.marketplaceId} orderId={o.orderId} /> · {t('explain_countedOn', formatDay(o.day, locale))}
              {o.weight > 1 && ` · ${tp(`explain_weight_${e.unit}`, o.weight, String(o.bad))}`} · {t('explain_leaves', formatDay(o.leavesOn, locale))}
            </li>
          ))}
        </ol>
      )}
      {shownBad < e.counted.bad && <p class="small muted">{tp('explain_more', e.counted.bad - shownBad)}</p>}
      {e.leaving.length > 0 && (
        <>
          <h4 class="details-title">{t('explain_leavingTitle')}</h4>
          <ol class="explain-list small" data-explain="leaving">
            {e.leaving.map((o) => (
              <li key={`${o.orderId}|${o.day}`} data-order={o.orderId} data-bad={o.bad > 0 ? 'true' : 'false'}>
                {formatDay(o.leavesOn, locale)}: <OrderId marketplaceId={e.marketplaceId} orderId={o.orderId} />
                {o.bad > 0 && ` · ${tp(`explain_bad_${group}`, o.bad)}`}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
