/** The change feed (/thay-doi.atom): published changes as an Atom 1.0 document. */
import type { PublicChange } from '@/db/queries/public-history';
import { REASON_KIND_LABELS, REVISION_ACTION_LABELS } from '@/lib/vocabulary';
import { changelogPath, changeLines, itemPagePath } from './changes';
import { LICENCE_NOTE } from './json';

export const PORTAL_AUTHOR = 'Cổng thông tin Kết quả nhiệm kỳ';

/** Namespace of the feed's extension element carrying the report's head (Atom allows foreign elements in a feed). */
export const HEAD_NAMESPACE = 'urn:kqnk:ns:report-head:1';

/** XML text: escaped, and without the characters XML 1.0 cannot carry at all. */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function buildChangeFeed({
  origin,
  reportSlug,
  reportTitle,
  updated,
  changes,
  head,
}: {
  /** Scheme and host the links point to, e.g. https://example.vn */
  origin: string;
  reportSlug: string;
  reportTitle: string;
  /** The newest revision's time: when the feed last changed. */
  updated: string;
  changes: PublicChange[];
  /** The report's head at the feed's revision, and the path of its JSON (`/api/v1/reports/<slug>/head`). */
  head?: { seq: number; hash: string; at: string; revisionId: number; path: string } | null;
}): string {
  const abs = (path: string) => `${origin}${path}`;
  const author = `<author><name>${xmlEscape(PORTAL_AUTHOR)}</name></author>`;
  const entries = changes.map((c) => {
    const reason = REASON_KIND_LABELS[c.reasonKind];
    const lines = changeLines(c);
    const before = c.previousSnapshot ? itemPagePath(c, 'before') : null;
    const after = c.action !== 'delete' ? itemPagePath(c, 'after') : null;
    const html = [
      `<p><strong>${escapeHtml(REVISION_ACTION_LABELS[c.action])}</strong> · ${escapeHtml(reason)}: ${escapeHtml(c.reasonText)}</p>`,
      lines.length
        ? `<ul>${lines.map((l) => `<li>${escapeHtml(l.label)}: ${escapeHtml(l.before)} → ${escapeHtml(l.after)}</li>`).join('')}</ul>`
        : '',
      before || after
        ? `<p>${[before ? `<a href="${escapeHtml(abs(before))}">Trước thay đổi</a>` : '', after ? `<a href="${escapeHtml(abs(after))}">Sau thay đổi</a>` : '']
            .filter(Boolean)
            .join(' · ')}</p>`
        : '',
    ].join('');
    const summary = [`${reason}: ${c.reasonText}`, ...lines.map((l) => `${l.label}: ${l.before} → ${l.after}`)].join('\n');
    return [
      '  <entry>',
      `    <id>urn:kqnk:${xmlEscape(reportSlug)}:revision:${c.id}</id>`,
      `    <title>${xmlEscape(`${c.itemLabel} — ${reason}`)}</title>`,
      `    <updated>${c.createdAt}</updated>`,
      `    <published>${c.createdAt}</published>`,
      `    ${author}`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(abs(changelogPath(c)))}"/>`,
      `    <category term="${xmlEscape(c.reasonKind)}" label="${xmlEscape(reason)}"/>`,
      `    <summary type="text">${xmlEscape(summary)}</summary>`,
      `    <content type="html">${xmlEscape(html)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:kqnk="${HEAD_NAMESPACE}" xml:lang="vi">`,
    `  <id>urn:kqnk:${xmlEscape(reportSlug)}:changes</id>`,
    `  <title>${xmlEscape(`Thay đổi: ${reportTitle}`)}</title>`,
    `  <subtitle>${xmlEscape('Các thay đổi đã công bố sau khi nhập văn bản gốc: thời điểm, lý do, giá trị cũ → mới.')}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(abs('/thay-doi.atom'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(abs('/thay-doi'))}"/>`,
    ...(head
      ? [
          `  <link rel="related" type="application/json" title="${xmlEscape('Đầu chuỗi lịch sử (report head)')}" href="${xmlEscape(abs(head.path))}"/>`,
          `  <kqnk:head seq="${head.seq}" hash="${xmlEscape(head.hash)}" at="${xmlEscape(head.at)}" revision="${head.revisionId}" href="${xmlEscape(abs(head.path))}"/>`,
        ]
      : []),
    `  ${author}`,
    `  <rights>${xmlEscape(LICENCE_NOTE)}</rights>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
