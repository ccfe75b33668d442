import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Settings } from '../../../../lib/model/settings';
import { defaultMetricForm, fromForm, isDefault, toForm } from '../../../../lib/ui/options/settings-form';

describe('settings form', () => {
  it('round-trips the defaults exactly', () => {
    const result = fromForm(toForm(DEFAULT_SETTINGS), DEFAULT_SETTINGS);
    expect(result).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(toForm(DEFAULT_SETTINGS).metrics['cr.7d'].target).toBe('2.5');
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
  ])('rejects a bad %s', (path, spoil, message) => {
    const form = toForm(DEFAULT_SETTINGS);
    spoil(form);
    const result = fromForm(form, DEFAULT_SETTINGS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ [path]: message });
  });

  it('keeps the engine choices the form does not show', () => {
    const base = { ...DEFAULT_SETTINGS, engine: { trackingFixHours: 12, unknownCarriers: ['x'], countCancelsWithUnknownRequester: false, confirmationDayFallback: 'unknown' as const } };
    const result = fromForm(toForm(base), base);
    expect(result.ok && result.settings.engine).toEqual(base.engine);
  });

  it('tells whether a metric is at Amazon’s defaults', () => {
    const form = defaultMetricForm('lsr.10d');
    expect(isDefault(form, 'lsr.10d')).toBe(true);
    expect(isDefault({ ...form, target: '4.00' }, 'lsr.10d')).toBe(true);
    expect(isDefault({ ...form, target: '3' }, 'lsr.10d')).toBe(false);
  });
});
