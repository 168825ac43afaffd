import { describe, expect, it } from 'vitest';
import { renderMarkdown, type EntityLink } from './markdown';

/** Every attribute name in the HTML (lower-cased), e.g. ['href', 'title']. */
const attributeNames = (html: string) =>
  [...html.matchAll(/<[a-z][^>]*>/gi)].flatMap((tag) => [...tag[0].matchAll(/\s([a-z-:]+)(?==)/gi)].map((m) => m[1]!.toLowerCase()));

/** Every href value in the HTML, entities decoded just enough to see a scheme. */
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/gi)].map((m) => m[1]!.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))));

describe('renderMarkdown: sanitising', () => {
  const hostile: Array<[string, string]> = [
    ['script', 'Trước <script>alert(1)</script> sau'],
    ['script block', '<script>\nalert(document.cookie)\n</script>'],
    ['img onerror', 'Ảnh <img src="x" onerror="alert(1)"> đây'],
    ['svg onload', '<svg onload="alert(1)"><circle r="1"/></svg>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['javascript: link', '[bấm vào đây](javascript:alert(1))'],
    ['JavaScript: link, mixed case', '[bấm](JaVaScRiPt:alert(1))'],
    ['javascript: autolink', '<javascript:alert(1)>'],
    ['javascript: reference link', '[bấm][x]\n\n[x]: javascript:alert(1)'],
    ['data: link', '[tải](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['data: image', '![ảnh](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['vbscript: link', '[x](vbscript:msgbox(1))'],
    ['raw anchor with handler', '<a href="https://example.org" onclick="alert(1)">x</a>'],
    ['style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
  ];

  it.each(hostile)('%s never survives', async (_name, markdown) => {
    const html = await renderMarkdown(markdown);
    expect(html).not.toMatch(/<script|<iframe|<svg|<img[^>]*on|<object|<embed/i);
    // A dangerous URL may remain as visible text (an autolink whose href was removed), never as an attribute.
    expect(html).not.toMatch(/(href|src|action|formaction|xlink:href)\s*=\s*"[^"]*(javascript|vbscript|data):/i);
    expect(html).not.toMatch(/srcdoc=/i);
    expect(attributeNames(html).filter((a) => a.startsWith('on') || a === 'style' || a === 'srcdoc')).toEqual([]);
    for (const href of hrefs(html)) expect(href).toMatch(/^(https?:|mailto:|\/|#)/);
  });

  it('keeps http, https and mailto links', async () => {
    const html = await renderMarkdown(
      'Xem [trang](https://example.org/a?b=1), [trang cũ](http://example.org) hoặc [thư](mailto:ban@example.org).',
    );
    expect(html).toContain('<a href="https://example.org/a?b=1">trang</a>');
    expect(html).toContain('<a href="http://example.org">trang cũ</a>');
    expect(html).toContain('<a href="mailto:ban@example.org">thư</a>');
  });

  it('keeps the portal’s own relative links', async () => {
    expect(await renderMarkdown('[chỉ tiêu](/chi-tieu)')).toContain('<a href="/chi-tieu">chỉ tiêu</a>');
  });

  it('drops raw HTML in the Markdown but keeps the text around it', async () => {
    const html = await renderMarkdown('Chữ <b>đậm</b> và <span class="x">khoảng</span>.\n\n<div align="center">Khối</div>\n\nĐoạn sau.');
    expect(html).not.toMatch(/<b>|<span|<div|class="x"|align=/);
    expect(html).toContain('đậm');
    expect(html).toContain('khoảng');
    expect(html).toContain('<p>Đoạn sau.</p>');
  });

  it('renders ordinary Markdown: paragraphs, emphasis, lists, GFM tables', async () => {
    const html = await renderMarkdown('Một *nhấn* **mạnh**.\n\n- một\n- hai\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<em>nhấn</em>');
    expect(html).toContain('<strong>mạnh</strong>');
    expect(html).toMatch(/<ul>\s*<li>một<\/li>/);
    expect(html).toContain('<table>');
  });

  it('prefixes ids so content cannot clobber page globals', async () => {
    const html = await renderMarkdown('Câu[^1].\n\n[^1]: Chú thích.');
    for (const m of html.matchAll(/\sid="([^"]*)"/g)) expect(m[1]).toMatch(/^md-/);
  });
});

describe('renderMarkdown: entity links', () => {
  const links: EntityLink[] = [
    { text: 'Nghị quyết số 06-NQ/TU', href: '/nghi-quyet/nghi-quyet-06-nq-tu', title: 'Nghị quyết 06-NQ/TU' },
    { text: 'Trung tâm IOC', href: '/don-vi/trung-tam-ioc', title: 'Trung tâm IOC' },
    { text: 'Trường Cao đẳng Nghề', href: '/don-vi/truong-cao-dang-nghe', title: 'Trường Cao đẳng Nghề' },
    { text: 'Cao đẳng Cộng đồng', href: '/don-vi/cao-dang-cong-dong', title: 'Trường Cao đẳng Cộng đồng' },
  ];

  it('turns an alias into a link to its page', async () => {
    const html = await renderMarkdown('Tỉnh uỷ đã ban hành Nghị quyết số 06-NQ/TU, ngày 11/7/2021.', { links });
    expect(html).toBe(
      '<p>Tỉnh uỷ đã ban hành <a href="/nghi-quyet/nghi-quyet-06-nq-tu" title="Nghị quyết 06-NQ/TU" class="entity-link">Nghị quyết số 06-NQ/TU</a>, ngày 11/7/2021.</p>',
    );
  });

  it('links every alias in a paragraph, and leaves the text readable word for word', async () => {
    const text = 'xây dựng đề án Trường Cao đẳng Nghề và Cao đẳng Cộng đồng trở thành trường chất lượng cao';
    const html = await renderMarkdown(text, { links });
    expect(html).toContain('<a href="/don-vi/truong-cao-dang-nghe"');
    expect(html).toContain('<a href="/don-vi/cao-dang-cong-dong"');
    expect(html.replace(/<[^>]+>/g, '')).toBe(text);
  });

  it('links each occurrence', async () => {
    const html = await renderMarkdown('Trung tâm IOC; lại Trung tâm IOC.', { links });
    expect(html.match(/href="\/don-vi\/trung-tam-ioc"/g)).toHaveLength(2);
  });

  it('does not re-link text inside an existing link', async () => {
    const html = await renderMarkdown('Xem [Trung tâm IOC](https://ioc.example.org) để biết thêm.', { links });
    expect(html).toBe('<p>Xem <a href="https://ioc.example.org">Trung tâm IOC</a> để biết thêm.</p>');
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it('does not link a partial name', async () => {
    const html = await renderMarkdown('Một Trung tâm khác.', { links });
    expect(html).not.toContain('<a ');
  });

  it('normalises NFD input to NFC output, and still finds the alias', async () => {
    const nfd = 'Xây dựng Trung tâm IOC, tỉnh Sóc Trăng; Trường Cao đẳng Nghề.'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const html = await renderMarkdown(nfd, { links });
    expect(html).toBe(html.normalize('NFC'));
    expect(html).toContain('tỉnh Sóc Trăng');
    expect(html).toContain('<a href="/don-vi/truong-cao-dang-nghe"');
    expect(html).toContain('<a href="/don-vi/trung-tam-ioc"');
  });

  it('finds an alias that was itself given in NFD', async () => {
    const nfdLinks = links.map((l) => ({ ...l, text: l.text.normalize('NFD') }));
    const html = await renderMarkdown('Trường Cao đẳng Nghề.', { links: nfdLinks });
    expect(html).toContain('<a href="/don-vi/truong-cao-dang-nghe"');
    expect(html).toBe(html.normalize('NFC'));
  });

  it('ignores an empty alias instead of matching everywhere', async () => {
    const html = await renderMarkdown('Trung tâm IOC.', { links: [{ text: '', href: '/x', title: 'x' }, ...links] });
    expect(html).toBe('<p><a href="/don-vi/trung-tam-ioc" title="Trung tâm IOC" class="entity-link">Trung tâm IOC</a>.</p>');
  });

  it('sanitises around entity links too', async () => {
    const html = await renderMarkdown('<img src=x onerror=alert(1)>Trung tâm IOC [x](javascript:alert(1))', { links });
    expect(html).toContain('<a href="/don-vi/trung-tam-ioc"');
    expect(html).not.toMatch(/onerror|javascript:|<img/i);
  });
});

describe('renderMarkdown: images only from the portal itself', () => {
  it('turns an image from another host into a link the reader may follow, so nothing is fetched on an editor\'s say-so', async () => {
    const html = await renderMarkdown('![Biểu đồ](http://169.254.169.254/latest/meta-data) và ![](https://tracker.example/p.gif)');
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('<a href="http://169.254.169.254/latest/meta-data">[ảnh: Biểu đồ]</a>');
    expect(html).toContain('<a href="https://tracker.example/p.gif">[ảnh: https://tracker.example/p.gif]</a>');
  });

  it('a protocol-relative address is another host too; a backslash one stays a path here', async () => {
    expect(await renderMarkdown('![x](//evil.example/x.png)')).not.toMatch(/<img/);
    // Markdown encodes the backslash: the browser asks this site for /%5Cevil.example/x.png.
    expect(await renderMarkdown('![x](/\\evil.example/x.png)')).toContain('<img src="/%5Cevil.example/x.png"');
  });

  it('keeps images from the portal\'s own paths and inline raster images', async () => {
    expect(await renderMarkdown('![Sơ đồ](/icon.svg)')).toContain('<img src="/icon.svg" alt="Sơ đồ">');
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    expect(await renderMarkdown(`![chấm](${png})`)).toContain(`<img src="${png}" alt="chấm">`);
  });
});
