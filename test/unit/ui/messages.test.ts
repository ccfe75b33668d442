import { describe, expect, it } from 'vitest';
import { messageFromFile } from '../../../lib/ui/i18n';
import { MESSAGE_FILES } from './messages';

const placeholders = (text: string) => [...new Set(text.match(/\$[1-9]/g) ?? [])].sort();
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
    for (const [key, { message }] of Object.entries(file)) {
      const reference = en[key] ?? en[`${base(key)}_other`]!;
      // `_one` forms may spell the count out; every other message keeps every substitution.
      if (key.endsWith('_one')) continue;
      expect([key, placeholders(message)]).toEqual([key, placeholders(reference.message)]);
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
