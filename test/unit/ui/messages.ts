/** Test helper: the extension's message files, used through the same substitution rules as the browsers. */
import de from '../../../public/_locales/de/messages.json';
import en from '../../../public/_locales/en/messages.json';
import ja from '../../../public/_locales/ja/messages.json';
import { messageFromFile, useMessages } from '../../../lib/ui/i18n';

export const MESSAGE_FILES = { en, de, ja } as Record<'en' | 'de' | 'ja', Record<string, { message: string }>>;

/** Messages of `lang`, English where a key is missing (as the browser falls back to default_locale). */
export function useLocale(lang: 'en' | 'de' | 'ja', locale: string = { en: 'en-US', de: 'de-DE', ja: 'ja-JP' }[lang]): void {
  const own = messageFromFile(MESSAGE_FILES[lang]);
  const fallback = messageFromFile(MESSAGE_FILES.en);
  useMessages((key, subs) => own(key, subs) || fallback(key, subs), locale);
}
