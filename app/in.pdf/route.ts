/**
 * The print page (/in) as an A4 PDF, made by headless Chromium loading this
 * server's own /in over loopback. Where Chromium is missing the reader is told
 * to print /in from the browser instead: the print style sheet gives the same PDF.
 */
import fs from 'node:fs';
import { clientAddress } from '@/lib/auth/client-address';
import { CHROMIUM_ARGS, chromiumPath } from '@/lib/chromium';
import { env } from '@/lib/env';
import { CACHE_CONTROL, etagFor, httpDate, isNotModified } from '@/lib/open-data/http';
import { resolveRequestMoment } from '@/lib/open-data/moment';
import { takeToken, tooManyRequests, wantsHtml } from '@/lib/rate-limit';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

export const dynamic = 'force-dynamic';

const RENDER_TIMEOUT_MS = 45_000;
/** One Chromium at a time, a few waiting; more than that is turned away rather than piled up. */
const MAX_WAITING = 3;
/** A revision's PDF never changes: keep the last few. */
const CACHE_SIZE = 4;

const cache = new Map<number, Uint8Array>();
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.6"><h1 style="font-size:1.4rem">${title}</h1>${body}</body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

function unavailable(printHref: string, reason: 'missing' | 'busy' | 'failed'): Response {
  const why = {
    missing: 'Máy chủ này chưa cài trình duyệt Chromium nên chưa tạo được tệp PDF.',
    busy: 'Máy chủ đang tạo các bản PDF khác.',
    failed: 'Máy chủ không tạo được tệp PDF lúc này.',
  }[reason];
  return page(
    503,
    'Chưa tải được bản PDF',
    `<p>${why}</p><p>Hãy mở <a href="${printHref}">bản in toàn văn</a> rồi dùng lệnh <strong>In → Lưu thành PDF</strong> của trình duyệt (Ctrl+P): bảng định kiểu in của trang đã cho ra bản PDF sạch, khổ A4.</p>`,
  );
}

async function renderPdf(target: string, revisionId: number): Promise<{ pdf: Uint8Array; printed: string | null }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: RENDER_TIMEOUT_MS });
  try {
    // The printed citation names SITE_URL (app/[locale]/[at]/in), whatever address Chromium loads.
    const context = await browser.newContext({ locale: 'vi-VN' });
    // Nothing but this server's own page and files: any other address is refused before it is asked.
    const own = new URL(target).origin;
    await context.route('**/*', (route) => (new URL(route.request().url()).origin === own ? route.continue() : route.abort('blockedbyclient')));
    const tab = await context.newPage();
    const response = await tab.goto(target, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
    if (!response || !response.ok()) throw new Error(`/in answered ${response?.status() ?? 'nothing'}`);
    const printed = await tab.locator('.print-colophon').getAttribute('data-revision');
    const pdf = await tab.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '16mm', bottom: '18mm', left: '15mm', right: '15mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#444;font-family:sans-serif">Trang <span class="pageNumber"></span>/<span class="totalPages"></span> · phiên bản r${revisionId}</div>`,
    });
    return { pdf: new Uint8Array(pdf), printed };
  } finally {
    await browser.close().catch(() => {});
  }
}

export async function GET(request: Request) {
  const slug = DEFAULT_REPORT_SLUG;
  const url = new URL(request.url);
  const asOf = url.searchParams.get('asOf');
  const printHref = asOf ? `/in?asOf=${encodeURIComponent(asOf)}` : '/in';
  const resolved = await resolveRequestMoment({ slug, asOf });
  if (!resolved.ok) return page(resolved.status, resolved.status === 400 ? 'Thời điểm không hợp lệ' : 'Không tìm thấy', `<p>${resolved.error.replace(/[<>&]/g, '')}</p>`);
  const { revisionId, createdAt } = resolved.moment;

  // Weak: two renderings of one revision read the same but differ in bytes (the PDF's own timestamps).
  const etag = `W/${etagFor({ slug, revisionId, representation: 'report.pdf' })}`;
  const headers: Record<string, string> = {
    ETag: etag,
    'Last-Modified': httpDate(createdAt),
    'Cache-Control': CACHE_CONTROL,
    'X-Report-Revision': `r${revisionId}`,
  };
  if (isNotModified(request.headers, { etag, lastModified: createdAt })) return new Response(null, { status: 304, headers });

  const send = (pdf: Uint8Array) =>
    new Response(pdf as BodyInit, {
      headers: {
        ...headers,
        'Content-Type': 'application/pdf',
        'Content-Length': String(pdf.byteLength),
        'Content-Disposition': `attachment; filename="${slug}-r${revisionId}.pdf"`,
      },
    });
  const hit = cache.get(revisionId);
  if (hit) return send(hit);
  // Only what starts a Chromium counts: a cached PDF, a 304 or a bad asOf costs next to nothing.
  const allowed = takeToken('pdf', clientAddress(request.headers, env().TRUSTED_PROXY_HOPS));
  if (!allowed.ok) return tooManyRequests('pdf', allowed.retryAfterSeconds, { html: wantsHtml(request.headers) });
  if (!fs.existsSync(/*turbopackIgnore: true*/ chromiumPath())) return unavailable(printHref, 'missing');
  if (waiting >= MAX_WAITING) return unavailable(printHref, 'busy');

  // Never the request's Host: Chromium must only ever load this server's own page.
  const target = `http://127.0.0.1:${env().PORT}/in${asOf ? `?asOf=r${revisionId}` : ''}`;
  waiting += 1;
  const job = queue.then(() => renderPdf(target, revisionId));
  queue = job.catch(() => {});
  try {
    const { pdf, printed } = await job;
    // An edit landing between resolving "now" and loading /in: serve it, but do not file it under the older revision.
    if (printed === String(revisionId)) {
      cache.set(revisionId, pdf);
      while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return send(pdf);
  } catch (error) {
    console.error('in.pdf: could not render', error);
    return unavailable(printHref, 'failed');
  } finally {
    waiting -= 1;
  }
}
