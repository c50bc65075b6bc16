import type { Language } from './notifications.types.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/** Escape a line and make its web addresses links (the href is the escaped address itself). */
function lineToHtml(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    html += escape(line.slice(last, match.index)) + `<a href="${escape(match[0])}">${escape(match[0])}</a>`;
    last = match.index + match[0].length;
  }
  return html + escape(line.slice(last));
}

/**
 * The HTML part of an e-mail, built from its text so both always say the same: one paragraph
 * per block of lines, the language declared for screen readers, readable size and contrast,
 * no images and no layout tables.
 */
export function textToHtml(text: string, subject: string, language: Language): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map(lineToHtml).join('<br>\n'))
    .filter((block) => block.trim() !== '')
    .map((block) => `<p style="margin:0 0 1em">${block}</p>`);
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    '<main style="max-width:600px">',
    ...paragraphs,
    '</main>',
    '</body></html>',
  ].join('\n');
}
