/**
 * The options form as strings (what the inputs hold) and back to Settings, with validation.
 * Targets are shown in percent and stored in basis points, so 0.5 % stays exactly 50 bp. An empty
 * target is Amazon's, per marketplace (lib/model/targets-table.ts); an empty dispatch rule is off.
 */
import { DEFAULT_SETTINGS, type MetricSettings, type Settings } from '../../model/settings';
import { RATE_METRICS, type RateMetricKey } from '../../model/metric-keys';
import { conditionOf } from '../../model/targets-table';
import type { MessageKey } from '../i18n';

export interface MetricForm {
  target: string;
  warningShare: string;
  warningMargin: string;
  windowDays: string;
  lagDays: string;
}

export interface SettingsForm {
  metrics: Record<RateMetricKey, MetricForm>;
  warningHorizonHours: string;
  retentionDays: string;
  minimumPopulation: string;
  /** '' = off. */
  dispatchRuleHours: string;
  countFraudChargebacks: boolean;
  /** Per marketplace id: its public holidays as typed (dates separated by commas, spaces or lines). */
  holidays: Record<string, string>;
  /** Per marketplace id: VTR's exemption threshold in the marketplace's currency, as typed ('' = none); the currency is kept from the settings. */
  vtrExemptBelow: Record<string, { amount: string; currency: string }>;
  notifications: boolean;
  showQuietMarks: boolean;
}

/** Percent with at most two decimals, from basis points, without float noise (0.07 → "0.07"). */
const percentOfBp = (bp: number) => String(bp / 100);

export function metricToForm(m: MetricSettings): MetricForm {
  return {
    target: m.target ? percentOfBp(m.target.basisPoints) : '',
    warningShare: String(Math.round(m.warningShare * 100)),
    warningMargin: String(m.warningMargin),
    windowDays: String(m.windowDays),
    lagDays: String(m.lagDays),
  };
}

export function toForm(s: Settings): SettingsForm {
  return {
    metrics: Object.fromEntries(RATE_METRICS.map((k) => [k, metricToForm(s.metrics[k])])) as SettingsForm['metrics'],
    warningHorizonHours: String(s.warningHorizonHours),
    retentionDays: String(s.retentionDays),
    minimumPopulation: String(s.minimumPopulation),
    dispatchRuleHours: s.dispatchRuleHours === null ? '' : String(s.dispatchRuleHours),
    countFraudChargebacks: s.countFraudChargebacks,
    holidays: Object.fromEntries(Object.entries(s.holidays).map(([id, days]) => [id, days.join(', ')])),
    vtrExemptBelow: Object.fromEntries(Object.entries(s.vtrExemptBelow).map(([id, m]) => [id, { amount: String(m.amount), currency: m.currency }])),
    notifications: s.notifications,
    showQuietMarks: s.showQuietMarks,
  };
}

export type FormErrors = Partial<Record<string, MessageKey>>;

/** A number typed by the seller: either decimal mark, no thousands separators. */
function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

function inRange(text: string, min: number, max: number, integer: boolean): number | null {
  const n = parseNumber(text);
  if (n === null || n < min || n > max || (integer && !Number.isInteger(n))) return null;
  return n;
}

/**
 * Settings from the form, keeping what the form does not show (engine choices) from `base`.
 * Errors are keyed by field path (`metrics.odr.mfn.target`) with the message to show.
 */
export function fromForm(form: SettingsForm, base: Settings): { ok: true; settings: Settings } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const metrics = {} as Record<RateMetricKey, MetricSettings>;
  for (const key of RATE_METRICS) {
    const f = form.metrics[key];
    const path = `metrics.${key}`;
    const own = f.target.trim() !== '';
    const target = own ? inRange(f.target, 0.01, 99.99, false) : null;
    const bp = target === null ? null : Math.round(target * 100);
    if (own && (bp === null || Math.abs(bp - target! * 100) > 1e-6)) errors[`${path}.target`] = 'error_target';
    const share = inRange(f.warningShare, 0, 100, true);
    if (share === null) errors[`${path}.warningShare`] = 'error_share';
    const margin = inRange(f.warningMargin, 0, 1000, true);
    if (margin === null) errors[`${path}.warningMargin`] = 'error_margin';
    const windowDays = inRange(f.windowDays, 1, 400, true);
    if (windowDays === null) errors[`${path}.windowDays`] = 'error_days';
    const lagDays = inRange(f.lagDays, 0, 400, true);
    if (lagDays === null) errors[`${path}.lagDays`] = 'error_days';
    metrics[key] = {
      ...(own && bp !== null ? { target: { basisPoints: bp, condition: conditionOf(key) } } : {}),
      warningShare: (share ?? 0) / 100,
      warningMargin: margin ?? 0,
      windowDays: windowDays ?? 1,
      lagDays: lagDays ?? 0,
    };
  }
  const horizon = inRange(form.warningHorizonHours, 1, 24 * 14, false);
  if (horizon === null) errors.warningHorizonHours = 'error_horizon';
  const retention = inRange(form.retentionDays, 90, 3650, true);
  if (retention === null) errors.retentionDays = 'error_retention';
  const minimum = inRange(form.minimumPopulation, 1, 10_000, true);
  if (minimum === null) errors.minimumPopulation = 'error_minimum';
  const holidays = parseHolidays(form.holidays, errors);
  const vtrExemptBelow = parseExemptions(form.vtrExemptBelow, errors);
  const dispatchOff = form.dispatchRuleHours.trim() === '';
  const dispatch = dispatchOff ? null : inRange(form.dispatchRuleHours, 1, 24 * 30, true);
  if (!dispatchOff && dispatch === null) errors.dispatchRuleHours = 'error_dispatch';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      ...base,
      metrics,
      warningHorizonHours: horizon!,
      retentionDays: retention!,
      minimumPopulation: minimum!,
      holidays,
      vtrExemptBelow,
      dispatchRuleHours: dispatch,
      countFraudChargebacks: form.countFraudChargebacks,
      notifications: form.notifications,
      showQuietMarks: form.showQuietMarks,
    },
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is not one). */
function isDate(text: string): boolean {
  return DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

/** Holidays per marketplace: dates separated by commas, spaces or lines; sorted, each once; at most 60. */
function parseHolidays(texts: Record<string, string>, errors: FormErrors): Settings['holidays'] {
  const out: Settings['holidays'] = {};
  for (const [id, text] of Object.entries(texts)) {
    const days = [...new Set(text.split(/[\s,;]+/).filter(Boolean))].sort();
    if (days.some((d) => !isDate(d)) || days.length > 60) errors[`holidays.${id}`] = 'error_holidays';
    else if (days.length) out[id] = days;
  }
  return out;
}

/** VTR's exemption per marketplace: an amount in its currency; empty = no exemption. */
function parseExemptions(fields: Record<string, { amount: string; currency: string }>, errors: FormErrors): Settings['vtrExemptBelow'] {
  const out: Settings['vtrExemptBelow'] = {};
  for (const [id, { amount, currency }] of Object.entries(fields)) {
    if (amount.trim() === '') continue;
    const n = inRange(amount, 0, 1e9, false);
    if (n === null) errors[`vtrExemptBelow.${id}`] = 'error_amount';
    else out[id] = { amount: n, currency };
  }
  return out;
}

/** Amazon's own values for one metric (metrics-spec §2). */
export function defaultMetricForm(key: RateMetricKey): MetricForm {
  return metricToForm(DEFAULT_SETTINGS.metrics[key]);
}

export function isDefault(form: MetricForm, key: RateMetricKey): boolean {
  const d = defaultMetricForm(key);
  return (Object.keys(d) as (keyof MetricForm)[]).every((k) => parseNumber(form[k]) === parseNumber(d[k]));
}
