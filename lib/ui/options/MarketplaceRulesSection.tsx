import { useState } from 'preact/hooks';
import { MARKETPLACES, marketplaceById } from '../../marketplaces';
import { t, type MessageKey } from '../i18n';
import type { FormErrors, SettingsForm } from './settings-form';

/**
 * The rules that differ by marketplace and that Amazon does not publish as data (metrics-spec v2 §1, §2):
 * the public holidays the auto-cancel deadline skips, and the order value under which VTR exempts a
 * package (Amazon.co.jp: ¥1,000). One marketplace at a time: a seller sells in a few of 23.
 */
export function MarketplaceRulesSection({
  form,
  errors,
  onChange,
  initial,
}: {
  form: SettingsForm;
  errors: FormErrors;
  /** A change to the latest form (two inputs between renders must not undo each other). */
  onChange: (change: (latest: SettingsForm) => Pick<SettingsForm, 'holidays' | 'vtrExemptBelow'>) => void;
  /** The marketplace shown first: the seller's active one. */
  initial?: string;
}) {
  const [id, setId] = useState(initial && marketplaceById(initial) ? initial : MARKETPLACES[0]!.marketplaceId);
  const market = marketplaceById(id)!;
  const exemption = form.vtrExemptBelow[id] ?? { amount: '', currency: market.currency };
  const err = (key: string): MessageKey | undefined => errors[key];
  const holidayError = err(`holidays.${id}`);
  const amountError = err(`vtrExemptBelow.${id}`);
  return (
    <section class="panel" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('options_rules')}</h2>
      <p class="muted">{t('options_rules_intro')}</p>
      <div class="number-field">
        <label for="rules-marketplace">{t('options_marketplace')}</label>
        <select id="rules-marketplace" value={id} onChange={(e) => setId(e.currentTarget.value)}>
          {MARKETPLACES.map((m) => (
            <option value={m.marketplaceId} key={m.marketplaceId}>
              {`${m.country} · ${m.hosts[m.hosts.length - 1]}`}
            </option>
          ))}
        </select>
      </div>
      <div class="general-grid">
        <div class="number-field">
          <label for="rules-holidays">{t('options_holidays')}</label>
          <textarea
            id="rules-holidays"
            rows={3}
            value={form.holidays[id] ?? ''}
            placeholder="2026-12-25, 2026-12-26"
            aria-invalid={holidayError ? 'true' : undefined}
            aria-describedby="rules-holidays-hint"
            onInput={(e) => {
              const text = e.currentTarget.value;
              onChange((latest) => ({ holidays: { ...latest.holidays, [id]: text }, vtrExemptBelow: latest.vtrExemptBelow }));
            }}
          />
          <p id="rules-holidays-hint" class={holidayError ? 'field-error' : 'muted small'}>
            {holidayError ? t(holidayError) : t('options_holidays_hint')}
          </p>
        </div>
        <div class="number-field">
          <label for="rules-exemption">{t('options_exemption')}</label>
          <span class="input-suffix">
            <input
              id="rules-exemption"
              type="text"
              inputMode="decimal"
              value={exemption.amount}
              aria-invalid={amountError ? 'true' : undefined}
              aria-describedby="rules-exemption-hint"
              onInput={(e) => {
                const amount = e.currentTarget.value;
                onChange((latest) => ({
                  holidays: latest.holidays,
                  vtrExemptBelow: { ...latest.vtrExemptBelow, [id]: { amount, currency: exemption.currency } },
                }));
              }}
            />
            <span>{exemption.currency}</span>
          </span>
          <p id="rules-exemption-hint" class={amountError ? 'field-error' : 'muted small'}>
            {amountError ? t(amountError) : t('options_exemption_hint')}
          </p>
        </div>
      </div>
    </section>
  );
}
