/**
 * Numbers as Seller Central prints them in the seller's UI language (seller-central.md): `0,5 %`
 * in German, `1.234` as a thousands separator, `0.8%` in English, full-width digits in Japanese.
 * The decimal separator is taken from the page's `<html lang>` through Intl, not guessed per string.
 */

const decimalSeparators = new Map<string, string>();

export function decimalSeparatorFor(lang: string): string {
  let sep = decimalSeparators.get(lang);
  if (sep === undefined) {
    try {
      sep = new Intl.NumberFormat(lang || 'en').formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    } catch {
      sep = '.';
    }
    decimalSeparators.set(lang, sep);
  }
  return sep;
}

/** Full-width digits and separators (Japanese UI) to ASCII; narrow no-break spaces to spaces. */
function normaliseDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, '.')
    .replace(/[，]/g, ',')
    .replace(/[％]/g, '%')
    .replace(/[\u00a0\u202f\u2009]/g, ' ');
}

/** Parses one number written in `lang`, e.g. `1.234,5` (de) or `1,234.5` (en). */
export function parseLocaleNumber(text: string, lang: string): number | undefined {
  const decimal = decimalSeparatorFor(lang);
  const cleaned = normaliseDigits(text).trim();
  const group = decimal === ',' ? /[.\s']/g : /[,\s']/g;
  const canonical = cleaned.replace(group, '').replace(decimal, '.');
  if (!/^-?\d+(\.\d+)?$/.test(canonical)) return undefined;
  return Number(canonical);
}

/** Every percentage in a text, as fractions, in order: `Ziel: unter 4 % · 0,8 %` (de) → [0.04, 0.008]. */
export function findPercentages(text: string, lang: string): number[] {
  const found: number[] = [];
  for (const match of normaliseDigits(text).matchAll(/(\d[\d.,\s]*?)\s?%/g)) {
    const value = parseLocaleNumber(match[1]!, lang);
    if (value !== undefined) found.push(value / 100);
  }
  return found;
}

/** The whole numbers in a text outside percentages: `6 of 1.234 orders` (de) → [6, 1234]. */
export function findCounts(text: string, lang: string): number[] {
  const withoutPercent = normaliseDigits(text).replace(/\d[\d.,\s]*?\s?%/g, ' ');
  const group = decimalSeparatorFor(lang) === ',' ? '.' : ',';
  const pattern = new RegExp(`\\d{1,3}(?:\\${group}\\d{3})+(?!\\d)|\\d+`, 'g');
  return [...withoutPercent.matchAll(pattern)].map((m) => Number(m[0].split(group).join('')));
}
