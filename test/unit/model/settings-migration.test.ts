import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings, Settings } from '../../../lib/model';

/** Settings as version 1 (before the v2 rules) stored them: a target for every metric, fraud counted. */
const v1 = {
  metrics: {
    'odr.mfn': { target: { basisPoints: 100, condition: 'lt' }, warningShare: 0.75, warningMargin: 1, windowDays: 60, lagDays: 14 },
    'odr.afn': { target: { basisPoints: 100, condition: 'lt' }, warningShare: 0.75, warningMargin: 1, windowDays: 60, lagDays: 14 },
    'lsr.10d': { target: { basisPoints: 300, condition: 'lt' }, warningShare: 0.5, warningMargin: 2, windowDays: 10, lagDays: 0 },
    'lsr.30d': { target: { basisPoints: 400, condition: 'lt' }, warningShare: 0.75, warningMargin: 1, windowDays: 30, lagDays: 0 },
    'cr.7d': { target: { basisPoints: 250, condition: 'lt' }, warningShare: 0.75, warningMargin: 1, windowDays: 7, lagDays: 0 },
    'vtr.30d': { target: { basisPoints: 9500, condition: 'gt' }, warningShare: 0.75, warningMargin: 1, windowDays: 30, lagDays: 0 },
    'otdr.14d': { target: { basisPoints: 9000, condition: 'gt' }, warningShare: 0.75, warningMargin: 1, windowDays: 14, lagDays: 7 },
  },
  warningHorizonHours: 36,
  countFraudChargebacks: true,
  notifications: false,
  retentionDays: 500,
  showQuietMarks: true,
};

describe('settings migration', () => {
  const migrated = Settings.parse(migrateSettings(v1));

  it('drops the targets that were only v1’s defaults, keeps the seller’s own', () => {
    expect(migrated.metrics['odr.mfn'].target).toBeUndefined();
    expect(migrated.metrics['otdr.14d'].target).toBeUndefined(); // v1's global 90 % was wrong outside the US, UK and DE
    expect(migrated.metrics['lsr.10d']).toEqual({
      target: { basisPoints: 300, condition: 'lt' },
      warningShare: 0.5,
      warningMargin: 2,
      windowDays: 10,
      lagDays: 0,
    });
  });

  it('gives VTR its v2 window and adds IDR; other windows and choices are kept', () => {
    expect(migrated.metrics['vtr.30d']).toMatchObject({ windowDays: 30, lagDays: 14 });
    expect(migrated.metrics['idr.7d']).toEqual(DEFAULT_SETTINGS.metrics['idr.7d']);
    expect(migrated).toMatchObject({ version: 2, warningHorizonHours: 36, notifications: false, retentionDays: 500, showQuietMarks: true });
  });

  it('leaves fraud chargebacks out (v1’s default was not a choice) and fills the new fields', () => {
    expect(migrated).toMatchObject({ countFraudChargebacks: false, minimumPopulation: 10, dispatchRuleHours: 72, holidays: {} });
    expect(migrated.vtrExemptBelow).toEqual({ A1VC38T7YXB528: { amount: 1000, currency: 'JPY' } });
  });

  it('keeps version 2 settings as they are, and is idempotent', () => {
    expect(migrateSettings(migrated)).toEqual(migrated);
    const own = { ...DEFAULT_SETTINGS, countFraudChargebacks: true, dispatchRuleHours: null };
    expect(migrateSettings(own)).toEqual(own);
  });

  it('passes anything that is not settings through for the schema to refuse', () => {
    expect(migrateSettings(null)).toBeNull();
    expect(migrateSettings('x')).toBe('x');
    expect(Settings.safeParse(migrateSettings({ version: 2, warningHorizonHours: 'soon' })).success).toBe(false);
  });
});
