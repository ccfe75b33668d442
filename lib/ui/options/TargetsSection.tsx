import { RATE_METRICS, type RateMetricKey } from '../../model/metric-keys';
import { conditionOf, targetRule } from '../../model/targets-table';
import { formatDay, formatRate } from '../format';
import { t, uiLocale, type MessageKey } from '../i18n';
import { metricName } from '../wording';
import { defaultMetricForm, isDefault, type FormErrors, type MetricForm, type SettingsForm } from './settings-form';

function Field({
  id,
  label,
  value,
  error,
  onInput,
  prefix,
  suffix,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  error?: MessageKey;
  onInput: (v: string) => void;
  prefix?: string;
  suffix?: string;
  placeholder?: string;
}) {
  return (
    <div class="field">
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <span class="input-suffix">
        {prefix && <span aria-hidden="true">{prefix}</span>}
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={value}
          placeholder={placeholder}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        {suffix && <span aria-hidden="true">{suffix}</span>}
      </span>
      {error && (
        <span id={`${id}-error`} class="field-error">
          {t(error)}
        </span>
      )}
    </div>
  );
}

/**
 * Amazon's target for a metric in the seller's words, from the one table the engine uses
 * (targets-table.ts): everywhere the same, or OTDR's per-marketplace rule, or IDR's five marketplaces.
 */
export function amazonTargetText(key: RateMetricKey, locale: string): string {
  const phrase = (country?: string) => {
    const rule = targetRule(country, key)!;
    return t(rule.target.condition === 'lt' ? 'target_lt' : 'target_gt', formatRate(rule.target.basisPoints / 10000, locale, rule.target.condition));
  };
  if (key === 'otdr.14d') {
    const since = (country: string) => formatDay(targetRule(country, key)!.since!, locale, true);
    return t('options_otdrTable', phrase('US'), since('US'), since('UK'), since('DE'), phrase(undefined));
  }
  if (key === 'idr.7d') return t('options_idrTable', phrase('DE'));
  return t('options_amazonDefault', phrase());
}

/** Targets and warning levels per metric, each with Amazon's own beside it and a reset. */
export function TargetsSection({
  form,
  errors,
  onChange,
}: {
  form: SettingsForm;
  errors: FormErrors;
  onChange: (key: RateMetricKey, metric: MetricForm) => void;
}) {
  const locale = uiLocale();
  return (
    <section class="panel" aria-labelledby="targets-title">
      <h2 id="targets-title">{t('options_targets')}</h2>
      <p class="muted">{t('options_targets_intro')}</p>
      <div class="table-wrap">
        <table class="targets">
          <thead>
            <tr>
              <th scope="col">{t('options_metric')}</th>
              <th scope="col">{t('options_target')}</th>
              <th scope="col">{t('options_warnShare')}</th>
              <th scope="col">{t('options_warnMargin')}</th>
              <th scope="col">{t('options_windowDays')}</th>
              <th scope="col">{t('options_lagDays')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('options_reset')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {RATE_METRICS.map((key) => {
              const m = form.metrics[key];
              const condition = conditionOf(key);
              const id = key.replace('.', '-');
              const set = (field: keyof MetricForm) => (v: string) => onChange(key, { ...m, [field]: v });
              const err = (field: keyof MetricForm) => errors[`metrics.${key}.${field}`];
              const name = metricName(key);
              return (
                <tr key={key} data-metric={key}>
                  <th scope="row">
                    {name}
                    <div class="muted small">{amazonTargetText(key, locale)}</div>
                  </th>
                  <td>
                    <Field
                      id={`${id}-target`}
                      label={`${name}: ${t('options_target')}`}
                      value={m.target}
                      error={err('target')}
                      onInput={set('target')}
                      placeholder={t('options_targetAmazon')}
                      prefix={condition === 'lt' ? '<' : '>'}
                      suffix="%"
                    />
                  </td>
                  <td>
                    <Field
                      id={`${id}-share`}
                      label={`${name}: ${t('options_warnShare')}`}
                      value={m.warningShare}
                      error={err('warningShare')}
                      onInput={set('warningShare')}
                      suffix="%"
                    />
                  </td>
                  <td>
                    <Field
                      id={`${id}-margin`}
                      label={`${name}: ${t('options_warnMargin')}`}
                      value={m.warningMargin}
                      error={err('warningMargin')}
                      onInput={set('warningMargin')}
                    />
                  </td>
                  <td>
                    <Field
                      id={`${id}-window`}
                      label={`${name}: ${t('options_windowDays')}`}
                      value={m.windowDays}
                      error={err('windowDays')}
                      onInput={set('windowDays')}
                    />
                  </td>
                  <td>
                    <Field id={`${id}-lag`} label={`${name}: ${t('options_lagDays')}`} value={m.lagDays} error={err('lagDays')} onInput={set('lagDays')} />
                  </td>
                  <td>
                    <button
                      type="button"
                      class="button small"
                      disabled={isDefault(m, key)}
                      onClick={() => onChange(key, defaultMetricForm(key))}
                      aria-label={t('options_resetMetric', name)}
                    >
                      {t('options_reset')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
