import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Settings } from '../../../../lib/model/settings';
import { defaultMetricForm, fromForm, isDefault, toForm } from '../../../../lib/ui/options/settings-form';

describe('settings form', () => {
  it('round-trips the defaults exactly', () => {
    const result = fromForm(toForm(DEFAULT_SETTINGS), DEFAULT_SETTINGS);
    expect(result).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(toForm(DEFAULT_SETTINGS).metrics['cr.7d'].target).toBe(''); // Amazon's, per marketplace
    expect(
      toForm({
        ...DEFAULT_SETTINGS,
        metrics: { ...DEFAULT_SETTINGS.metrics, 'cr.7d': { ...DEFAULT_SETTINGS.metrics['cr.7d'], target: { basisPoints: 250, condition: 'lt' } } },
      }).metrics['cr.7d'].target,
    ).toBe('2.5');
  });

  it('an emptied target goes back to Amazon’s; an emptied dispatch rule is off', () => {
    const own = {
      ...DEFAULT_SETTINGS,
      metrics: { ...DEFAULT_SETTINGS.metrics, 'lsr.10d': { ...DEFAULT_SETTINGS.metrics['lsr.10d'], target: { basisPoints: 300, condition: 'lt' as const } } },
    };
    const form = toForm(own);
    form.metrics['lsr.10d'].target = ' ';
    form.dispatchRuleHours = '';
    const result = fromForm(form, own);
    if (!result.ok) throw new Error('expected valid');
    expect(result.settings.metrics['lsr.10d'].target).toBeUndefined();
    expect(result.settings.dispatchRuleHours).toBeNull();
    form.dispatchRuleHours = '48';
    form.minimumPopulation = '25';
    expect(fromForm(form, own)).toMatchObject({ ok: true, settings: { dispatchRuleHours: 48, minimumPopulation: 25 } });
  });

  it('stores a percentage as exact basis points and accepts a decimal comma', () => {
    const form = toForm(DEFAULT_SETTINGS);
    form.metrics['odr.mfn'].target = '0,75';
    form.metrics['otdr.14d'].target = '97';
    const result = fromForm(form, DEFAULT_SETTINGS);
    if (!result.ok) throw new Error('expected valid');
    expect(result.settings.metrics['odr.mfn'].target).toEqual({ basisPoints: 75, condition: 'lt' });
    expect(result.settings.metrics['otdr.14d'].target).toEqual({ basisPoints: 9700, condition: 'gt' });
    expect(Settings.safeParse(result.settings).success).toBe(true);
  });

  it.each([
    ['metrics.odr.mfn.target', (f: ReturnType<typeof toForm>) => (f.metrics['odr.mfn'].target = '0.123'), 'error_target'],
    ['metrics.odr.mfn.target', (f: ReturnType<typeof toForm>) => (f.metrics['odr.mfn'].target = '1e2'), 'error_target'],
    ['metrics.lsr.10d.warningShare', (f: ReturnType<typeof toForm>) => (f.metrics['lsr.10d'].warningShare = '120'), 'error_share'],
    ['metrics.cr.7d.warningMargin', (f: ReturnType<typeof toForm>) => (f.metrics['cr.7d'].warningMargin = '1.5'), 'error_margin'],
    ['metrics.vtr.30d.windowDays', (f: ReturnType<typeof toForm>) => (f.metrics['vtr.30d'].windowDays = '0'), 'error_days'],
    ['warningHorizonHours', (f: ReturnType<typeof toForm>) => (f.warningHorizonHours = 'soon'), 'error_horizon'],
    ['retentionDays', (f: ReturnType<typeof toForm>) => (f.retentionDays = '30'), 'error_retention'],
    ['minimumPopulation', (f: ReturnType<typeof toForm>) => (f.minimumPopulation = '0'), 'error_minimum'],
    ['dispatchRuleHours', (f: ReturnType<typeof toForm>) => (f.dispatchRuleHours = '1.5'), 'error_dispatch'],
  ])('rejects a bad %s', (path, spoil, message) => {
    const form = toForm(DEFAULT_SETTINGS);
    spoil(form);
    const result = fromForm(form, DEFAULT_SETTINGS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ [path]: message });
  });

  it('reads holidays per marketplace (any separator, sorted, once) and VTR exemptions in the marketplace’s currency', () => {
    const form = toForm(DEFAULT_SETTINGS);
    expect(form.vtrExemptBelow.A1VC38T7YXB528).toEqual({ amount: '1000', currency: 'JPY' });
    form.holidays.ATVPDKIKX0DER = '2026-12-25\n2026-11-26, 2026-12-25;';
    form.vtrExemptBelow.A1F83G8C2ARO7P = { amount: '2,50', currency: 'GBP' };
    form.vtrExemptBelow.A1VC38T7YXB528 = { amount: ' ', currency: 'JPY' };
    const result = fromForm(form, DEFAULT_SETTINGS);
    if (!result.ok) throw new Error('expected valid');
    expect(result.settings.holidays).toEqual({ ATVPDKIKX0DER: ['2026-11-26', '2026-12-25'] });
    expect(result.settings.vtrExemptBelow).toEqual({ A1F83G8C2ARO7P: { amount: 2.5, currency: 'GBP' } }); // JP's emptied: no exemption
    expect(Settings.safeParse(result.settings).success).toBe(true);
    form.holidays.ATVPDKIKX0DER = '2026-02-30';
    form.vtrExemptBelow.A1F83G8C2ARO7P = { amount: '-1', currency: 'GBP' };
    expect(fromForm(form, DEFAULT_SETTINGS)).toEqual({
      ok: false,
      errors: { 'holidays.ATVPDKIKX0DER': 'error_holidays', 'vtrExemptBelow.A1F83G8C2ARO7P': 'error_amount' },
    });
  });

  it('keeps the engine choices the form does not show', () => {
    const base = {
      ...DEFAULT_SETTINGS,
      engine: { trackingFixHours: 12, unknownCarriers: ['x'], countCancelsWithUnknownRequester: false, confirmationDayFallback: 'unknown' as const },
    };
    const result = fromForm(toForm(base), base);
    expect(result.ok && result.settings.engine).toEqual(base.engine);
  });

  it('tells whether a metric is at Amazon’s defaults', () => {
    const form = defaultMetricForm('lsr.10d');
    expect(isDefault(form, 'lsr.10d')).toBe(true);
    expect(isDefault({ ...form, target: ' ' }, 'lsr.10d')).toBe(true);
    expect(isDefault({ ...form, target: '4' }, 'lsr.10d')).toBe(false); // the seller's own, even if equal to Amazon's today
    expect(isDefault({ ...form, windowDays: '12' }, 'lsr.10d')).toBe(false);
  });
});
