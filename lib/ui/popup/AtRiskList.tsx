import type { AtRiskOrder } from '../../metrics/report-schema';
import { t, tp } from '../i18n';
import { orderUrl } from '../links';
import { byUrgency, deadlinePhrase, groupRisks, impactPhrase } from '../wording';
import { useFirstFew } from './first-few';

/**
 * Orders that can still hurt a metric, most urgent first: a link to the order on Seller Central,
 * each risk with its deadline as a countdown and the rate the metric would have if it happened.
 */
export function AtRiskList({
  orders,
  marketplaceId,
  now,
  ruleHours = null,
}: {
  orders: readonly AtRiskOrder[];
  marketplaceId: string;
  now: number;
  ruleHours?: number | null;
}) {
  const { shown, toggle } = useFirstFew(byUrgency(orders), 'risks');
  return (
    <section class="risks" aria-labelledby="risks-title" id="risks">
      <h2 id="risks-title" class="section-title">
        {orders.length ? tp('risks_title', orders.length) : t('risks_none_title')}
      </h2>
      {!orders.length && <p class="muted small">{t('risks_none')}</p>}
      <ol class="risk-list">
        {shown.map((order) => {
          const href = orderUrl(marketplaceId, order.orderId);
          return (
            <li class="risk-order" key={order.orderId} data-order={order.orderId}>
              <div class="risk-id">
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" aria-label={t('openOrder', order.orderId)}>
                    {order.orderId}
                  </a>
                ) : (
                  <span>{order.orderId}</span>
                )}
              </div>
              <ul class="risk-items">
                {groupRisks(order).map((group) => {
                  const { text, countdown } = deadlinePhrase(group, now, ruleHours);
                  // The seller's own dispatch rule looks apart from Amazon's risks (spec v2 §5).
                  const own = group.kind === 'dispatchRule' ? ' risk-own' : '';
                  return (
                    <li
                      key={`${group.kind}|${group.deadline}`}
                      class={`risk risk-${countdown.urgency}${group.breaches ? ' risk-breaches' : ''}${own}`}
                      data-risk={group.kind}
                    >
                      <span class="risk-deadline">
                        <span class="risk-icon" aria-hidden="true">
                          {group.breaches ? '✕' : '!'}
                        </span>
                        {text}
                      </span>
                      <span class="risk-impact">{impactPhrase(group)}</span>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>
      {toggle}
    </section>
  );
}
