import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { Settings } from '../../model/settings';
import { DEFAULT_SETTINGS } from '../../model/settings';
import { t, uiLocale } from '../i18n';
import { privacyPolicyHref } from '../links';
import { failureText } from '../problem';
import { DataLogSection } from './DataLogSection';
import { DataSection } from './DataSection';
import { ImportSection } from './ImportSection';
import { MarketplaceRulesSection } from './MarketplaceRulesSection';
import { fromForm, toForm, type FormErrors, type SettingsForm } from './settings-form';
import { TargetsSection } from './TargetsSection';

function Check({ id, checked, label, hint, onChange }: { id: string; checked: boolean; label: string; hint: string; onChange: (v: boolean) => void }) {
  return (
    <div class="check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} aria-describedby={`${id}-hint`} />
      <div>
        <label for={id}>{label}</label>
        <p id={`${id}-hint`} class="muted small">
          {hint}
        </p>
      </div>
    </div>
  );
}

function NumberField({
  id,
  label,
  hint,
  value,
  error,
  onInput,
  suffix,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  error?: string;
  suffix: string;
  onInput: (v: string) => void;
}) {
  return (
    <div class="number-field">
      <label for={id}>{label}</label>
      <span class="input-suffix">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={`${id}-hint`}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <span>{suffix}</span>
      </span>
      <p id={`${id}-hint`} class={error ? 'field-error' : 'muted small'}>
        {error ?? hint}
      </p>
    </div>
  );
}

type SaveState = 'clean' | 'dirty' | 'saving' | 'saved' | 'invalid' | 'failed';

/** The options page: targets, warnings, notifications, retention, import, export and deletion. */
export function Options() {
  const [base, setBase] = useState<Settings | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  /** The seller's active marketplace, shown first among the marketplace rules. */
  const [activeMarketplace, setActiveMarketplace] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<FormErrors>({});
  const [save, setSave] = useState<SaveState>('clean');
  const [failure, setFailure] = useState('');

  const load = () =>
    sendToBackground({ type: 'getSettings' }).then(
      (s) => {
        setBase(s);
        setForm(toForm(s));
        setErrors({});
        setSave('clean');
      },
      (e: unknown) => {
        setFailure(failureText(e, 'options_failed'));
        setBase(DEFAULT_SETTINGS);
        setForm(toForm(DEFAULT_SETTINGS));
      },
    );

  useEffect(() => {
    void load();
    void sendToBackground({ type: 'getPopupState' }).then(
      (s) => setActiveMarketplace(s.scope?.split('|')[1]),
      () => undefined,
    );
  }, []);

  if (!form || !base) return <main class="options" aria-busy="true" />;

  const update = (next: SettingsForm) => {
    setForm(next);
    setSave('dirty');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = fromForm(form, base);
    if (!result.ok) {
      setErrors(result.errors);
      setSave('invalid');
      return;
    }
    setErrors({});
    setSave('saving');
    try {
      await sendToBackground({ type: 'saveSettings', settings: result.settings });
      setBase(result.settings);
      setSave('saved');
    } catch (error) {
      setFailure(failureText(error, 'options_failed'));
      setSave('failed');
    }
  };

  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);

  return (
    <main class="options">
      <header class="options-head">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true" />
          {t('options_title')}
        </h1>
        <p class="muted">
          {t('privacy')}{' '}
          <a href={privacyPolicyHref(uiLocale())} target="_blank" rel="noopener" data-test-id="privacy-policy">
            {t('options_privacyPolicy')}
          </a>
        </p>
      </header>

      <form onSubmit={(e) => void submit(e)} noValidate>
        <TargetsSection form={form} errors={errors} onChange={(key, metric) => update({ ...form, metrics: { ...form.metrics, [key]: metric } })} />

        <section class="panel" aria-labelledby="general-title">
          <h2 id="general-title">{t('options_general')}</h2>
          <div class="general-grid">
            <NumberField
              id="horizon"
              label={t('options_horizon')}
              hint={t('options_horizon_hint')}
              value={form.warningHorizonHours}
              error={err('warningHorizonHours')}
              suffix={t('options_hours')}
              onInput={(v) => update({ ...form, warningHorizonHours: v })}
            />
            <NumberField
              id="minimum"
              label={t('options_minimum')}
              hint={t('options_minimum_hint')}
              value={form.minimumPopulation}
              error={err('minimumPopulation')}
              suffix={t('options_minimum_unit')}
              onInput={(v) => update({ ...form, minimumPopulation: v })}
            />
            <NumberField
              id="dispatch"
              label={t('options_dispatch')}
              hint={t('options_dispatch_hint')}
              value={form.dispatchRuleHours}
              error={err('dispatchRuleHours')}
              suffix={t('options_hours')}
              onInput={(v) => update({ ...form, dispatchRuleHours: v })}
            />
            <NumberField
              id="retention"
              label={t('options_retention')}
              hint={t('options_retention_hint')}
              value={form.retentionDays}
              error={err('retentionDays')}
              suffix={t('options_days')}
              onInput={(v) => update({ ...form, retentionDays: v })}
            />
          </div>
          <Check
            id="fraud"
            checked={form.countFraudChargebacks}
            label={t('options_fraud')}
            hint={t('options_fraud_hint')}
            onChange={(v) => update({ ...form, countFraudChargebacks: v })}
          />
          <Check
            id="notifications"
            checked={form.notifications}
            label={t('options_notifications')}
            hint={t('options_notifications_hint')}
            onChange={(v) => update({ ...form, notifications: v })}
          />
          <Check
            id="quiet"
            checked={form.showQuietMarks}
            label={t('options_quiet')}
            hint={t('options_quiet_hint')}
            onChange={(v) => update({ ...form, showQuietMarks: v })}
          />
        </section>

        <MarketplaceRulesSection
          key={activeMarketplace ?? ''}
          form={form}
          errors={errors}
          initial={activeMarketplace}
          onChange={(change) => {
            setForm((latest) => (latest ? { ...latest, ...change(latest) } : latest));
            setSave('dirty');
          }}
        />

        <div class="save-bar">
          <button type="submit" class="button button-primary" disabled={save === 'saving'}>
            {t('options_save')}
          </button>
          <button
            type="button"
            class="button"
            onClick={() => {
              update(toForm({ ...base, ...DEFAULT_SETTINGS, engine: base.engine }));
            }}
          >
            {t('options_resetAll')}
          </button>
          <span class="status" role="status" aria-live="polite">
            {save === 'dirty' && t('options_unsaved')}
            {save === 'saving' && t('options_saving')}
            {save === 'saved' && t('options_settingsSaved')}
            {save === 'invalid' && t('options_invalid')}
            {save === 'failed' && failure}
          </span>
        </div>
      </form>

      <ImportSection />
      <DataSection onDeleted={() => void load()} />
      <DataLogSection />
    </main>
  );
}
