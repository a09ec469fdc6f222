import { describe, expect, it } from 'vitest';
import { escapeHtml, renderConsole } from './page.js';

describe('renderConsole', () => {
  const html = renderConsole({
    nonce: 'n0nce',
    basePath: '/mod"<x>',
    csrfToken: 'tok',
    adminId: '<img src=x onerror=alert(1)>',
    signedUrlExpiry: 300,
  });

  it('escapes every host-supplied value', () => {
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('data-base="/mod&quot;&lt;x&gt;"');
  });

  it('has exactly one script and one style, both nonce-bound, and no external asset', () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="n0nce">');
    expect(html).toContain('<style nonce="n0nce">');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toContain('innerHTML');
  });

  it('labels every form control', () => {
    const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]*id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expect(html).toContain(`<label for="${id}"`);
  });

  it('escapeHtml is idempotent on safe text and removes every markup character', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
    expect(escapeHtml('plain')).toBe('plain');
  });
});
