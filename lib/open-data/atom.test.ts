import { describe, expect, it } from 'vitest';
import { buildChangeFeed, HEAD_NAMESPACE, xmlEscape } from './atom';
import { sampleChange } from './sample-change.test-data';

describe('the Atom feed', () => {
  const change = sampleChange;

  it('escapes XML and drops characters XML cannot hold', () => {
    expect(xmlEscape(`a<b>&"c'\u0001\uFFFF`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });

  it('writes an Atom feed with the portal as author and everything escaped', () => {
    const xml = buildChangeFeed({ origin: 'https://ketqua.example.vn', reportSlug: 'bao-cao', reportTitle: 'Báo cáo', updated: change.createdAt, changes: [change] });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(xml).toContain('<author><name>Cổng thông tin Kết quả nhiệm kỳ</name></author>');
    expect(xml).toContain('<id>urn:kqnk:bao-cao:revision:120</id>');
    expect(xml).toContain('href="https://ketqua.example.vn/chi-tieu/san-luong/lich-su/truoc-3#r120"');
    expect(xml).toContain('Sản lượng &lt;thuỷ&gt; &amp; &quot;hải&quot; sản');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('</content><script>');
    expect(xml).toContain('423.700 tấn → 430.000 tấn');
    expect(wellFormed(xml)).toBe(true);
  });

  it('carries the report head as a feed-level extension element and a related link, before the entries', () => {
    const hash = 'ab'.repeat(32);
    const head = { seq: 412, hash, at: '2026-12-02T10:00:00.000Z', revisionId: 900, path: '/api/v1/reports/bao-cao/head' };
    const xml = buildChangeFeed({ origin: 'https://ketqua.example.vn', reportSlug: 'bao-cao', reportTitle: 'Báo cáo', updated: change.createdAt, changes: [change], head });
    expect(xml).toContain(`xmlns:kqnk="${HEAD_NAMESPACE}"`);
    expect(xml).toContain(`<kqnk:head seq="412" hash="${hash}" at="2026-12-02T10:00:00.000Z" revision="900" href="https://ketqua.example.vn/api/v1/reports/bao-cao/head"/>`);
    expect(xml).toContain('<link rel="related" type="application/json"');
    expect(xml.indexOf('<kqnk:head')).toBeLessThan(xml.indexOf('<entry>'));
    expect(wellFormed(xml)).toBe(true);
    expect(buildChangeFeed({ origin: 'https://x.vn', reportSlug: 'b', reportTitle: 'B', updated: change.createdAt, changes: [] })).not.toContain('kqnk:head');
  });
});

/** A small well-formedness check (no XML parser is installed): balanced tags and only the five named entities. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(body)) return false;
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|</g)) {
    if (m[2] === undefined) return false; // a bare "<"
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]);
  }
  return stack.length === 0;
}
