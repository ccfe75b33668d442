/**
 * PRIVACY.md, the one privacy policy (the stores link to it; the extension ships it), as the
 * extension's `privacy.html` (wxt.config.ts writes it at build time; the options page links to it).
 * Only the Markdown that PRIVACY.md uses: `#`–`###` headings, paragraphs, `- ` lists (continued by
 * indented lines), `**bold**` and links to a heading of the same page. Every character of the text is
 * escaped: nothing in the file can become markup, a script or a request. Ids are GitHub's heading
 * anchors, so `#deutsch` reaches the same section on GitHub and in the extension.
 */
import { PRIVACY_SECTIONS } from '../ui/links';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens (non-ASCII letters kept). */
export function headingAnchor(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

/** Inline text: escaped, then bold and same-page links (any other link stays text). */
function inline(text: string): string {
  return escape(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(#([^)\s]+)\)/g, (_m, label: string, anchor: string) => `<a href="#${anchor}">${label}</a>`);
}

const LANG_OF_SECTION = new Map<string, string>(Object.entries(PRIVACY_SECTIONS).map(([lang, anchor]) => [anchor, lang]));

export function privacyPage(markdown: string, stylesheet = '/privacy.css'): string {
  const out: string[] = [];
  let title = '';
  let paragraph: string[] = [];
  let list: string[] | null = null;
  let inSection = false;
  const flush = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
    if (list) out.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
    list = null;
  };
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,3}) (.+)$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1]!.length;
      const text = heading[2]!.trim();
      const id = headingAnchor(text);
      if (level === 1) title = text;
      if (level === 2) {
        if (inSection) out.push('</section>');
        const lang = LANG_OF_SECTION.get(id);
        out.push(`<section id="${escape(id)}"${lang ? ` lang="${lang}"` : ''}>`);
        inSection = true;
        out.push(`<h2>${inline(text)}</h2>`);
      } else {
        out.push(`<h${level} id="${escape(id)}">${inline(text)}</h${level}>`);
      }
    } else if (/^- /.test(line)) {
      if (paragraph.length) flush();
      (list ??= []).push(line.slice(2).trim());
    } else if (list && /^ {2,}\S/.test(line)) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  if (inSection) out.push('</section>');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)}</title>`,
    `<link rel="stylesheet" href="${escape(stylesheet)}">`,
    '</head>',
    '<body>',
    '<main>',
    ...out,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
