import { useEffect, useState } from 'preact/hooks';
import { feedbackRemovalPath } from '../../feedback-removal/removal-link';
import { sendToBackground, type ResponseMap } from '../../messaging/client';
import { t } from '../i18n';
import { orderUrl, sellerCentralUrl } from '../links';
import { daysLeftText, disputeOutcomes, evidenceText, groundLabel, ifRemovedText, respondText } from '../prevention-wording';
import { useFirstFew } from './first-few';
import './prevention.css';

type Disputes = ResponseMap['getOpenDisputes'];
type Removable = ResponseMap['getRemovableFeedback'];

function OrderLink({ marketplaceId, orderId }: { marketplaceId: string; orderId: string }) {
  const href = orderUrl(marketplaceId, orderId);
  return (
    <div class="risk-id">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" aria-label={t('openOrder', orderId)}>
          {orderId}
        </a>
      ) : (
        <span>{orderId}</span>
      )}
    </div>
  );
}

/**
 * Issue 9 in the popup: open A-to-z claims and chargebacks, most urgent first (deadline, the ODR both
 * ways), and negative feedback Amazon would likely remove (ground, what matched, the ODR if removed,
 * a link to the removal request). Loads its own data, so the popup needs one line to show it; shows
 * nothing when there is nothing to act on or the worker cannot answer.
 */
export function PreventionSection({ scope, now, updating = false }: { scope: string | null; now: number; updating?: boolean }) {
  const [disputes, setDisputes] = useState<Disputes>(null);
  const [removable, setRemovable] = useState<Removable>(null);
  const firstDisputes = useFirstFew(disputes?.items ?? [], 'disputes');
  const firstRemovable = useFirstFew(removable?.items ?? [], 'removable');

  useEffect(() => {
    // Not while the popup shows the figures kept from last time: these lists' what-ifs would take the
    // worker's time before it answers the popup's own question.
    if (updating) return;
    const ask = scope ? { scope } : {};
    sendToBackground({ type: 'getOpenDisputes', ...ask }).then(setDisputes, () => setDisputes(null));
    sendToBackground({ type: 'getRemovableFeedback', ...ask }).then(setRemovable, () => setRemovable(null));
  }, [scope, updating]);

  return (
    <>
      {disputes && disputes.items.length > 0 && (
        <section class="prevention" aria-labelledby="disputes-title" id="disputes">
          <h2 id="disputes-title" class="section-title">
            {t('dispute_section_title')}
          </h2>
          <ol class="risk-list">
            {firstDisputes.shown.map((d) => {
              const respond = respondText(d.deadline, now);
              const outcomes = disputeOutcomes(d.odr, d.orderSeen);
              const breach = d.odr.before.status === 'breach';
              return (
                <li class="risk-order" key={d.id} data-dispute={d.kind} data-order={d.orderId}>
                  <OrderLink marketplaceId={disputes.marketplaceId} orderId={d.orderId} />
                  <div class={`risk${respond.urgent ? ' risk-soon' : ''}${breach ? ' risk-breaches' : ''}`}>
                    <span class="risk-deadline">
                      <span class="risk-icon" aria-hidden="true">
                        !
                      </span>
                      {t(d.kind === 'claim' ? 'dispute_claim' : 'dispute_chargeback')} · {respond.text}
                    </span>
                    {'single' in outcomes ? (
                      <span class="risk-impact">{outcomes.single}</span>
                    ) : (
                      <>
                        <span class="risk-impact">{outcomes.against}</span>
                        <span class="risk-impact">{outcomes.forSeller}</span>
                      </>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
          {firstDisputes.toggle}
        </section>
      )}
      {removable && removable.items.length > 0 && (
        <section class="prevention" aria-labelledby="removable-title" id="removable">
          <h2 id="removable-title" class="section-title">
            {t('fb_section_title')}
          </h2>
          <ol class="risk-list">
            {firstRemovable.shown.map((f) => {
              const path = feedbackRemovalPath(f.orderId);
              const href = path ? sellerCentralUrl(removable.marketplaceId, path) : null;
              return (
                <li class="risk-order" key={f.orderId} data-removable={f.grounds.map((g) => g.ground).join(' ')} data-order={f.orderId}>
                  <OrderLink marketplaceId={removable.marketplaceId} orderId={f.orderId} />
                  <div class="risk removable">
                    <span class="risk-deadline">
                      <span class="risk-icon" aria-hidden="true">
                        i
                      </span>
                      {t('fb_likely')}: {f.grounds.map((g) => groundLabel(g.ground)).join(t('listSeparator'))}
                    </span>
                    <span class="risk-impact">
                      {f.grounds
                        .flatMap((g) => g.evidence)
                        .map((e, i) => (
                          <span class="evidence" key={i}>
                            {evidenceText(e)}
                          </span>
                        ))}
                    </span>
                    <span class="risk-impact">{ifRemovedText(f.odr, f.orderSeen)}</span>
                    <span class="risk-impact">
                      {daysLeftText(f.daysLeft)}
                      {href && (
                        <>
                          {' · '}
                          <a href={href} target="_blank" rel="noopener noreferrer">
                            {t('fb_request')}
                          </a>
                        </>
                      )}
                    </span>
                  </div>
                </li>
              );
            })}
          </ol>
          {firstRemovable.toggle}
        </section>
      )}
    </>
  );
}
