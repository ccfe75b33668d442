import type en from '../../public/_locales/en/messages.json';

/**
 * Every string the seller reads comes from `public/_locales/<lang>/messages.json` through the
 * browser's own i18n API (no library: it works the same in the popup, the options page and the
 * content script, and costs the content bundle nothing). Keys are typed from the English file.
 *
 * Plurals: the browser API has none, so a plural message is a family `<base>_one`, `<base>_other`
 * (`_few`, `_many`, … where a language needs them), chosen with Intl.PluralRules; a language
 * without a category falls back to `_other` (Japanese has only `_other`).
 */
export type MessageKey = keyof typeof en;
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

export type MessageLookup = (key: string, substitutions?: string[]) => string;

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

function browserI18n(): I18nApi | undefined {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

let lookup: MessageLookup = (key, substitutions) => browserI18n()?.getMessage(key, substitutions) ?? '';
let locale: string | undefined;

/** Tests (and tools) read the message files directly instead of through the browser. */
export function useMessages(source: MessageLookup, uiLocale: string): void {
  lookup = source;
  locale = uiLocale;
}

/** The seller's UI language (the browser's), used for every Intl number and date too. */
export function uiLocale(): string {
  locale ??= browserI18n()?.getUILanguage() || (typeof navigator !== 'undefined' ? navigator.language : 'en');
  return locale;
}

/** A message with its `$1`… substitutions; the key itself when a message is missing, never blank. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return lookup(key, substitutions.map(String)) || key;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** A plural message: `$1` is the count, formatted for the locale; further substitutions follow. */
export function tp(base: PluralKey, count: number, ...substitutions: (string | number)[]): string {
  const loc = uiLocale();
  let rules = pluralRules.get(loc);
  if (!rules) pluralRules.set(loc, (rules = new Intl.PluralRules(loc)));
  const subs = [new Intl.NumberFormat(loc).format(count), ...substitutions.map(String)];
  return lookup(`${base}_${rules.select(count)}`, subs) || lookup(`${base}_other`, subs) || base;
}

/**
 * Chrome's and Firefox's substitution rules for a messages.json entry, for tests and tools:
 * named `$NAME$` placeholders first, then `$1`…`$9`, `$$` for a literal dollar.
 */
export function messageFromFile(messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>): MessageLookup {
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) return '';
    let text = entry.message;
    if (entry.placeholders) {
      const named = Object.fromEntries(Object.entries(entry.placeholders).map(([k, v]) => [k.toLowerCase(), v.content]));
      text = text.replace(/\$([a-z0-9_@]+)\$/gi, (m, name: string) => named[name.toLowerCase()] ?? m);
    }
    return text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
  };
}
