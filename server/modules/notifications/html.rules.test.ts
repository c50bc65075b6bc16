import { describe, expect, it } from 'vitest';
import { textToHtml } from './html.rules.ts';

describe('the HTML part of an e-mail', () => {
  it('declares the language, escapes text, keeps paragraphs and lines, and links addresses', () => {
    const html = textToHtml('Hej <Kim> & co!\nRad två.\n\nLogga in på https://minasidor.example/x?a=1&b=2.', 'Ämne "1"', 'sv');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<title>Ämne &quot;1&quot;</title>');
    expect(html).toContain('Hej &lt;Kim&gt; &amp; co!<br>\nRad två.');
    expect(html).toContain('<a href="https://minasidor.example/x?a=1&amp;b=2">https://minasidor.example/x?a=1&amp;b=2</a>.');
    expect(html.match(/<p /g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|<img|<table/);
  });
});
