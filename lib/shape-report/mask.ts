/**
 * A shape report holds names, never values: every digit is masked (an order id `114-7941379-5480234`
 * becomes `#-#-#`, a price or a count disappears), and a name that does not look like a name (an
 * e-mail, a sentence, an opaque token) is replaced whole. Shared by the JSON and DOM reports.
 */

const NAME = /^[A-Za-z_$#][\w$#.:/ -]{0,47}$/;

/** A key, id, class or attribute name as the report may show it; a few words at most (a sentence is data). */
export function maskName(name: string): string {
  const masked = name.replace(/\d+/g, '#');
  return NAME.test(masked) && !/\s{2,}|@/.test(masked) && masked.split(' ').length <= 4 ? masked : '<name>';
}
