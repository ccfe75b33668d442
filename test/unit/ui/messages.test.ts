import { describe, expect, it } from 'vitest';
import { messageFromFile } from '../../../lib/ui/i18n';
import { MESSAGE_FILES } from './messages';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
/** The `$1`… a message ends up using, through named placeholders too. */
const placeholders = (entry: Entry) => {
  const named = Object.values(entry.placeholders ?? {})
    .map((p) => p.content)
    .join(' ');
  return [...new Set(`${entry.message} ${named}`.match(/\$[1-9](?!\$)/g) ?? [])].sort();
};
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('message files', () => {
  const en = MESSAGE_FILES.en;

  it.each(['de', 'ja'] as const)('%s has every English message (plural categories per language) and no others', (lang) => {
    const file = MESSAGE_FILES[lang];
    const missing = Object.keys(en).filter((k) => !(k in file) && !(lang === 'ja' && k.endsWith('_one')));
    expect(missing).toEqual([]);
    expect(Object.keys(file).filter((k) => !(k in en))).toEqual([]);
  });

  it.each(['en', 'de', 'ja'] as const)('%s uses the same substitutions as English', (lang) => {
    const file = MESSAGE_FILES[lang];
    for (const [key, entry] of Object.entries(file as Record<string, Entry>)) {
      const reference = en[key] ?? en[`${base(key)}_other`]!;
      // `_one` forms may spell the count out; every other message keeps every substitution.
      if (key.endsWith('_one')) continue;
      expect([key, placeholders(entry)]).toEqual([key, placeholders(reference)]);
    }
  });

  it.each(['en', 'de', 'ja'] as const)("%s passes Chrome's check: every $NAME$ is a defined placeholder", (lang) => {
    // Chrome refuses to load the extension otherwise ("Variable $1$ used but not defined"): "$1$2" reads as "$1$".
    for (const [key, entry] of Object.entries(MESSAGE_FILES[lang] as Record<string, Entry>)) {
      const defined = new Set(Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase()));
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) expect([key, defined.has(name!.toLowerCase())]).toEqual([key, true]);
    }
  });

  it('every plural family has its "other" form', () => {
    for (const file of Object.values(MESSAGE_FILES)) {
      for (const key of Object.keys(file).filter((k) => /_(one|few|many)$/.test(k))) expect(file).toHaveProperty(`${base(key)}_other`);
    }
  });

  it('keys are valid for chrome.i18n and the manifest strings fit the store limits', () => {
    for (const file of Object.values(MESSAGE_FILES)) {
      for (const key of Object.keys(file)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(file.extName!.message.length).toBeLessThanOrEqual(45);
      expect(file.extDescription!.message.length).toBeLessThanOrEqual(132);
    }
  });

  it('substitutes like the browsers do', () => {
    const lookup = messageFromFile({ a: { message: 'Now $1 (target $2), $$5' }, b: { message: 'Hi $WHO$', placeholders: { who: { content: '$1' } } } });
    expect(lookup('a', ['1%', '2%'])).toBe('Now 1% (target 2%), $5');
    expect(lookup('b', ['you'])).toBe('Hi you');
    expect(lookup('missing')).toBe('');
  });
});
