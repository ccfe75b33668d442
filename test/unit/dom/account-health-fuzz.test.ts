import { afterAll, describe, expect, it } from 'vitest';
import { readAccountHealth } from '../../../lib/dom/account-health';
import type { AccountHealthExtraction, AccountHealthRow, AccountHealthRowKind } from '../../../lib/dom/account-health-extract';
import type { AmazonReading } from '../../../lib/model';
import { Random } from '../../demo-site/random';
import { noise } from '../readers/fuzz/mutations';

/**
 * Mutation fuzzing of the Account Health DOM reader (docs/reliability.md). Each round draws a true
 * account (counts per row), renders the rows' text as the page would in English, German or
 * Japanese, then mutates it. Oracles: the unmutated text gives exactly the true readings; a
 * mutation that keeps the meaning (another locale, other spacing, rows reordered, words added)
 * gives the same readings; any other gives, per metric, the true reading, nothing, the true rate without
 * its counts, or a reading whose rate agrees with its own counts — never a rate taken from the wrong number
 * (the target). Half the rounds render the real AUI page's cells (the rate cell apart from the figures).
 */
const ROUNDS = Number(process.env.REDLINE_FUZZ_VARIANTS ?? 220) * 4;
const US = 'ATVPDKIKX0DER';
const OBSERVED = Date.UTC(2026, 10, 26, 12);
const ROUNDING = 0.00005 + 1e-9;

interface TrueRow {
  kind: AccountHealthRowKind;
  metric: AmazonReading['metric'];
  target: number;
  a: number;
  b: number;
  window: string | null;
  channel: string | null;
}

type Locale = 'en-US' | 'de-DE' | 'ja-JP';

function number(value: number, decimals: number, locale: Locale): string {
  const text = value.toLocaleString(locale === 'ja-JP' ? 'en-US' : locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return locale === 'ja-JP' ? text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : text;
}

const WORDS: Record<Locale, { target: string; of: string; orders: string }> = {
  'en-US': { target: 'Target: under', of: 'of', orders: 'orders' },
  'de-DE': { target: 'Ziel: unter', of: 'von', orders: 'Bestellungen' },
  'ja-JP': { target: '目標:', of: '/', orders: '件' },
};

const pct = (v: number, locale: Locale) => `${number(v * 100, 2, locale)}${locale === 'de-DE' ? '\u00a0%' : '%'}`;
const rateText = (r: TrueRow, locale: Locale) => pct(r.a / r.b, locale);
const countsText = (r: TrueRow, locale: Locale) => `${number(r.a, 0, locale)} ${WORDS[locale].of} ${number(r.b, 0, locale)} ${WORDS[locale].orders}`;

function rowText(r: TrueRow, locale: Locale): string {
  return `${WORDS[locale].target} ${pct(r.target, locale)} ${rateText(r, locale)} ${countsText(r, locale)}`;
}

function drawAccount(rng: Random): TrueRow[] {
  const draw = (kind: AccountHealthRowKind, metric: AmazonReading['metric'], target: number, good: boolean, extra: Partial<TrueRow> = {}): TrueRow => {
    const b = rng.pick([1, 7, 68, 143, 999, 1234, 25_000]);
    const a = good ? b - rng.int(0, Math.min(b, 5)) : rng.int(0, Math.min(b, 9));
    return { kind, metric, target, a, b, window: null, channel: null, ...extra };
  };
  const lsr = rng.chance(0.5) ? 10 : 30;
  return [
    draw('lateShipment', lsr === 10 ? 'lsr.10d' : 'lsr.30d', 0.04, false, { window: `${lsr} days` }),
    draw('cancel', 'cr.7d', 0.025, false),
    draw('validTracking', 'vtr.30d', 0.95, true),
    draw('onTimeDelivery', 'otdr.14d', 0.9, true),
    draw('orderDefect', rng.chance(0.5) ? 'odr.mfn' : 'odr.afn', 0.01, false),
  ].map((r) => (r.kind === 'orderDefect' ? { ...r, channel: r.metric === 'odr.afn' ? 'Fulfilled by Amazon' : 'Seller Fulfilled' } : r));
}

/** The row as text (a page without the AUI cells), or as the real AUI page gives it: the rate cell and the figures' cell. */
function render(rows: TrueRow[], locale: Locale, aui = false): AccountHealthExtraction {
  return {
    rows: rows.map((r): AccountHealthRow => {
      const base = { kind: r.kind, window: r.window, channel: r.channel };
      return aui ? { ...base, text: `${rateText(r, locale)} ${countsText(r, locale)}`, rate: rateText(r, locale) } : { ...base, text: rowText(r, locale) };
    }),
    ahr: '250',
  };
}

const read = (x: AccountHealthExtraction, lang: Locale) => readAccountHealth(x, { lang, marketplaceId: US, observedAt: OBSERVED });

function byMetric(result: ReturnType<typeof read>): Map<string, AmazonReading> {
  return new Map(result.ok ? result.batch.readings.map((r) => [r.metric, r]) : []);
}

const summary = (r: AmazonReading | undefined) => (r ? JSON.stringify([r.rate, r.numerator, r.denominator, r.score]) : 'none');

/** Meaning-keeping mutations of the page's text. */
const SAME: ((x: AccountHealthExtraction, rng: Random) => AccountHealthExtraction)[] = [
  (x, rng) => ({ ...x, rows: rng.sample(x.rows, x.rows.length) }),
  (x) => ({ ...x, rows: x.rows.map((r) => ({ ...r, text: `  ${r.text.replace(/ /g, '  ')}  ` })) }),
  (x, rng) => ({
    ...x,
    rows: x.rows.map((r) => ({
      ...r,
      text: `${rng.pick(['Late Shipment Rate', 'Stornorate', '出荷遅延率', '\u202Eevil<b>'])} ${r.text} ${rng.pick(['See details', 'Details ansehen', '詳細'])}`,
    })),
  }),
];

/** Mutations that break or remove information. */
const LOSSY: ((x: AccountHealthExtraction, rng: Random) => AccountHealthExtraction)[] = [
  (x, rng) => editRow(x, rng, (t) => t.replace(/[\d.,\u00a0０-９]+\s?[%％]\s*(?=[\d０-９])/, '')), // the rate gone: only the target is left
  (x, rng) => editRow(x, rng, (t) => t.replace(/[\d.,０-９]+\s*\S+\s*[\d.,０-９]+\s*\S*$/, '')), // the counts gone
  (x, rng) => editRow(x, rng, (t) => t.replace(/^\S+\s\S*\s?[\d.,\u00a0０-９]+\s?[%％]/, '')), // the target gone
  (x, rng) => editRow(x, rng, (t) => t.replace(/(\d+)(?!.*\d)/, (d) => String(Number(d) + rng.int(1, 9)))), // a count changed
  (x, rng) => editRow(x, rng, (t) => t.slice(0, rng.int(0, t.length))), // cut
  (x, rng) => editRow(x, rng, (t) => t.replace(/\d/, rng.pick(['-', '99999999999999999999', 'NaN', '١']))),
  (x, rng) => ({
    ...x,
    rows: x.rows.map((r) => (rng.chance(0.5) ? { ...r, window: rng.pick([null, '7 days', 'x']), channel: rng.pick([null, r.channel]) } : r)),
  }),
  (x, rng) => ({ ...x, ahr: rng.pick([null, '-5', '1001', '2.5', '4O0', '１２３', '99999999999']) }),
  // The AUI rate cell changed: another percentage, none, two, cut.
  (x, rng) => ({
    ...x,
    rows: x.rows.map((r) => (r.rate != null && rng.chance(0.5) ? { ...r, rate: rng.pick(['--', '4.00%', '0,8 %', '1% 2%', r.rate.slice(0, 2), '']) } : r)),
  }),
  (x, rng) => editRow(x, rng, (t) => noise(t, rng).input as string),
];

function editRow(x: AccountHealthExtraction, rng: Random, edit: (text: string) => string): AccountHealthExtraction {
  const i = rng.int(0, x.rows.length - 1);
  return { ...x, rows: x.rows.map((r, j) => (j === i ? { ...r, text: edit(r.text).slice(0, 2000) } : r)) };
}

let variants = 0;
afterAll(() => console.log(`account health DOM fuzz: ${variants} variants of ${ROUNDS} drawn accounts`));

describe('Account Health DOM reader under mutation', () => {
  it('reads the true figures, keeps them under meaning-keeping changes, and never takes a wrong number', () => {
    const rng = new Random(20261126);
    const failures: string[] = [];
    const fail = (what: string) => failures.length < 5 && failures.push(what);
    for (let round = 0; round < ROUNDS; round++) {
      const truth = drawAccount(rng);
      const locale = rng.pick<Locale>(['en-US', 'de-DE', 'ja-JP']);
      const original = render(truth, locale, rng.chance(0.5));
      const reference = byMetric(read(original, locale));
      for (const r of truth) {
        const got = reference.get(r.metric);
        if (!got || got.numerator !== r.a || got.denominator !== r.b || Math.abs(got.rate! - r.a / r.b) > ROUNDING) {
          fail(`round ${round} ${locale}: ${r.metric} ${rowText(r, locale)} read as ${summary(got)}`);
        }
      }
      const same = rng.pick(SAME)(original, rng);
      const sameResult = byMetric(read(same, locale));
      variants++;
      for (const metric of new Set([...reference.keys(), ...sameResult.keys()])) {
        if (summary(reference.get(metric)) !== summary(sameResult.get(metric)))
          fail(`round ${round} same: ${metric} ${summary(reference.get(metric))} → ${summary(sameResult.get(metric))}`);
      }
      const op = rng.int(0, LOSSY.length - 1);
      const lossy = LOSSY[op]!(original, rng);
      const result = read(lossy, locale);
      variants++;
      for (const [metric, reading] of byMetric(result)) {
        const before = reference.get(metric);
        if (summary(before) === summary(reading)) continue;
        const consistent =
          reading.rate !== undefined &&
          reading.numerator !== undefined &&
          reading.denominator !== undefined &&
          reading.denominator > 0 &&
          reading.numerator <= reading.denominator &&
          Math.abs(reading.numerator / reading.denominator - reading.rate) <= ROUNDING;
        // The true rate alone (its counts cut off) is right too: only a rate the page did not show as the rate is wrong.
        const trueRateAlone = reading.numerator === undefined && before?.rate !== undefined && Math.abs(reading.rate! - before.rate) <= 1e-12;
        if (metric === 'ahr' ? !(Number.isInteger(reading.score) && reading.score! >= 0 && reading.score! <= 1000) : !consistent && !trueRateAlone) {
          fail(`round ${round} lossy #${op}: ${metric} ${summary(before)} → ${summary(reading)} from ${JSON.stringify(lossy.rows.map((r) => r.text))}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 30_000);
});

describe('what the fuzzer found, pinned', () => {
  const row = (text: string): AccountHealthExtraction => ({ rows: [{ kind: 'cancel', text, window: null, channel: null }], ahr: null });
  it.each([
    ['the target alone (value missing)', 'Target: under 2.50% --'],
    ['the rate cut off, counts left', 'Target: under 2.50% 3 of 68 orders'],
    ['a lone rate that the counts contradict', 'Cancel rate 0.80% 3 of 68 orders'],
  ])('%s gives no reading', (_label, text) => {
    expect(read(row(text), 'en-US')).toMatchObject({ ok: false });
  });
});
