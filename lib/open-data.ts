/**
 * Open data: the report as JSON and CSV (/api/v1), the change feed (Atom),
 * and the HTTP caching they share. A representation depends only on the
 * report, the revision it is read at and its format, so one revision id
 * gives one strong ETag.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { DbOrTx } from '@/db/index';
import type { PublicChange } from '@/db/queries/public-history';
import { getEntities, getIndicators, getReport, getSectionTree } from '@/db/queries/cached-reads';
import { findEntities, findIndicators, findReport, findSectionTree, resolveMoment } from '@/db/queries/reports';
import type { EntityView, IndicatorView, ReportView, SectionView } from '@/db/views';
import { parseAsOf } from '@/lib/as-of';
import { kindLabels } from '@/lib/indicator';
import { actionLabels } from '@/lib/history-routes';
import { formatDecimal } from '@/lib/number';
import { diffSnapshots } from '@/lib/revision-diff';
import { statusLabel } from '@/lib/status';
import { reasonKindLabels } from '@/lib/validations/reason';

/** Bump when the shape of a representation changes: it is part of every ETag. */
export const OPEN_DATA_FORMAT = 'v1';
export const PORTAL_AUTHOR = 'Cổng thông tin Kết quả nhiệm kỳ';
export const CACHE_CONTROL = 'public, max-age=60';

// ------------------------------------------------------------ moment

export type Moment = { revisionId: number; createdAt: string };

export type MomentResult = { ok: true; moment: Moment } | { ok: false; status: 400 | 404; error: string };

const ASOF_HELP_EN =
  'Invalid asOf: use a date (2026-01-31, end of that day in Vietnam), an ISO 8601 date-time with an offset or Z (2026-01-31T08:00:00Z), or a revision (r123).';

/**
 * The revision a request reads: `?asOf=` resolved, or the latest revision now.
 * Bad asOf → 400; unknown report, or a moment before it was published → 404.
 */
export async function resolveRequestMoment({ slug, asOf }: { slug: string; asOf: string | null }, db?: DbOrTx): Promise<MomentResult> {
  const parsed = parseAsOf(asOf);
  if (!parsed.ok) return { ok: false, status: 400, error: `${parsed.message} — ${ASOF_HELP_EN}` };
  const now = { at: new Date().toISOString(), revisionId: null };
  const resolved = await resolveMoment({ slug, asOf: parsed.asOf ?? now }, db);
  if (resolved) return { ok: true, moment: resolved };
  if (parsed.asOf && (await resolveMoment({ slug, asOf: now }, db))) {
    return {
      ok: false,
      status: 404,
      error: 'Tại thời điểm asOf, báo cáo chưa được đưa lên cổng thông tin. — The report was not published yet at that asOf moment.',
    };
  }
  return { ok: false, status: 404, error: `Không có báo cáo “${slug.slice(0, 80)}”. — No report with this slug.` };
}

// ------------------------------------------------------------ loading

export type OpenDataSource = {
  revision: Moment;
  report: ReportView;
  indicators: IndicatorView[];
  sections: SectionView[];
  entities: EntityView[];
};

/**
 * Everything one revision of the report shows. With `db` (tests, scripts): read
 * directly; without: through the cache, where a past revision never changes.
 */
export async function loadOpenData(
  { slug, revision, parts = 'all' }: { slug: string; revision: Moment; parts?: 'all' | 'indicators' },
  db?: DbOrTx,
): Promise<OpenDataSource | null> {
  const revisionId = revision.revisionId;
  const all = parts === 'all';
  const [report, indicators, sections, entities] = db
    ? await Promise.all([
        findReport({ slug, revisionId }, db),
        findIndicators({ reportSlug: slug, revisionId }, db),
        all ? findSectionTree({ reportSlug: slug, revisionId }, db) : [],
        all ? findEntities({ reportSlug: slug, revisionId }, db) : [],
      ])
    : await Promise.all([
        getReport({ slug, revisionId }),
        getIndicators({ reportSlug: slug, revisionId }),
        all ? getSectionTree({ reportSlug: slug, revisionId }) : [],
        all ? getEntities({ reportSlug: slug, revisionId }) : [],
      ]);
  if (!report) return null;
  return { revision, report, indicators, sections, entities };
}

// ------------------------------------------------------------ JSON

export type ValueJson = {
  role: 'actual' | 'target';
  year: number;
  period_label: string | null;
  value: string;
  kind: 'reported' | 'estimate' | 'derived';
  qualifier: string | null;
  note: string | null;
};

export type IndicatorJson = {
  code: string;
  position: number;
  name: string;
  area: string;
  unit: string | null;
  status: IndicatorView['status'];
  status_label: string;
  status_note: string | null;
  named_as_key_indicator: boolean;
  target_comparison: string | null;
  baseline_comparison: string | null;
  source_sentence: string | null;
  note: string | null;
  section: string | null;
  adjusted: boolean;
  version: number;
  updated_at: string;
  path: string;
  history_path: string;
  values: ValueJson[];
};

export type SectionJson = {
  slug: string;
  parent: string | null;
  position: number;
  depth: number;
  title: string;
  heading: string | null;
  body_markdown: string;
  version: number;
  updated_at: string;
  path: string;
  history_path: string;
};

export type EntityJson = {
  kind: EntityView['kind'];
  slug: string;
  name: string;
  short_name: string;
  aliases: string[];
  number: string | null;
  issued_on: string | null;
  issuer: string | null;
  subject: string | null;
  path: string;
};

export type ReportJson = {
  slug: string;
  title: string;
  document_label: string;
  document_heading: string;
  issuing_body: string;
  province: string;
  term_start: number;
  term_end: number;
  term_label: string;
  indicators_total: number | null;
  indicators_met: number | null;
  indicators_not_met: number | null;
  headline: string | null;
  source_file: string;
  source_text_path: string;
};

type Envelope = {
  api_version: 1;
  /** The `?asOf=` value that names exactly this state: cite it. */
  as_of: string;
  revision: { id: number; created_at: string };
  licence: string;
};

export type ReportDocument = Envelope & {
  report: ReportJson;
  indicators: IndicatorJson[];
  sections: SectionJson[];
  entities: EntityJson[];
};

export type IndicatorsDocument = Envelope & {
  report: Pick<ReportJson, 'slug' | 'title'>;
  indicators: IndicatorJson[];
};

export const LICENCE_NOTE =
  'Dữ liệu trích từ văn bản gốc (Phụ lục báo cáo của Đảng bộ tỉnh); giá trị có kind "derived" do cổng thông tin tính ra. Khi dùng lại, ghi nguồn và phiên bản (as_of).';

function envelope(revision: Moment): Envelope {
  return {
    api_version: 1,
    as_of: `r${revision.revisionId}`,
    revision: { id: revision.revisionId, created_at: revision.createdAt },
    licence: LICENCE_NOTE,
  };
}

export function indicatorJson(i: IndicatorView): IndicatorJson {
  return {
    code: i.code,
    position: i.position,
    name: i.name,
    area: i.area,
    unit: i.unit,
    status: i.status,
    status_label: statusLabel(i.status),
    status_note: i.statusNote,
    named_as_key_indicator: i.namedAsKeyIndicator,
    target_comparison: i.targetComparison,
    baseline_comparison: i.baselineComparison,
    source_sentence: i.sourceSentence,
    note: i.note,
    section: i.section?.slug ?? null,
    adjusted: i.adjusted,
    version: i.version,
    updated_at: i.updatedAt,
    path: `/chi-tieu/${i.code}`,
    history_path: `/chi-tieu/${i.code}/lich-su`,
    values: i.values.map((v) => ({
      role: v.role,
      year: v.year,
      period_label: v.periodLabel,
      value: v.value,
      kind: v.kind,
      qualifier: v.qualifier,
      note: v.note,
    })),
  };
}

function reportJson(r: ReportView): ReportJson {
  return {
    slug: r.slug,
    title: r.title,
    document_label: r.documentLabel,
    document_heading: r.documentHeading,
    issuing_body: r.issuingBody,
    province: r.province,
    term_start: r.termStart,
    term_end: r.termEnd,
    term_label: r.termLabel,
    indicators_total: r.indicatorsTotal,
    indicators_met: r.indicatorsMet,
    indicators_not_met: r.indicatorsNotMet,
    headline: r.headline,
    source_file: r.sourceFile,
    source_text_path: '/van-ban-goc.txt',
  };
}

export function buildReportDocument(src: OpenDataSource): ReportDocument {
  return {
    ...envelope(src.revision),
    report: reportJson(src.report),
    indicators: src.indicators.map(indicatorJson),
    sections: src.sections.map((s) => ({
      slug: s.slug,
      parent: s.parentSlug,
      position: s.position,
      depth: s.depth,
      title: s.title,
      heading: s.heading,
      body_markdown: s.body,
      version: s.version,
      updated_at: s.updatedAt,
      path: `/muc/${s.slug}`,
      history_path: `/muc/${s.slug}/lich-su`,
    })),
    entities: src.entities.map((e) => ({
      kind: e.kind,
      slug: e.slug,
      name: e.name,
      short_name: e.shortName,
      aliases: e.aliases,
      number: e.number,
      issued_on: e.issuedOn,
      issuer: e.issuer,
      subject: e.subject,
      path: e.href,
    })),
  };
}

export function buildIndicatorsDocument(src: OpenDataSource): IndicatorsDocument {
  return {
    ...envelope(src.revision),
    report: { slug: src.report.slug, title: src.report.title },
    indicators: src.indicators.map(indicatorJson),
  };
}

/** What each JSON field holds (shown on /du-lieu; a test checks they cover every field emitted). */
export const JSON_FIELDS = {
  envelope: [
    ['api_version', 'Phiên bản của API: 1. Tên trường không đổi trong cùng một phiên bản.'],
    ['as_of', 'Giá trị asOf chỉ đúng trạng thái này (r123): dùng để trích dẫn hoặc lấy lại đúng bản này.'],
    ['revision', 'Phiên bản dữ liệu: id (số) và created_at (thời điểm ISO 8601, UTC).'],
    ['licence', 'Ghi chú nguồn và điều kiện dùng lại.'],
  ],
  report: [
    ['slug', 'Mã báo cáo.'],
    ['title', 'Tên báo cáo để đọc.'],
    ['document_label', 'Nhãn văn bản, ví dụ “PHỤ LỤC 2”.'],
    ['document_heading', 'Tiêu đề văn bản gốc, nguyên văn (in hoa như bản gốc).'],
    ['issuing_body', 'Cơ quan ban hành.'],
    ['province', 'Tỉnh.'],
    ['term_start', 'Năm đầu nhiệm kỳ.'],
    ['term_end', 'Năm cuối nhiệm kỳ.'],
    ['term_label', 'Nhiệm kỳ như văn bản viết, ví dụ “2020 - 2025”.'],
    ['indicators_total', 'Số chỉ tiêu chủ yếu văn bản nêu (20).'],
    ['indicators_met', 'Số chỉ tiêu đạt và vượt (17).'],
    ['indicators_not_met', 'Số chỉ tiêu chưa đạt (3).'],
    ['headline', 'Câu kết luận về các chỉ tiêu, nguyên văn.'],
    ['source_file', 'Tên tệp văn bản gốc.'],
    ['source_text_path', 'Đường dẫn tải văn bản gốc dạng văn bản thuần.'],
  ],
  indicator: [
    ['code', 'Mã chỉ tiêu.'],
    ['position', 'Thứ tự trong bảng chỉ tiêu.'],
    ['name', 'Tên chỉ tiêu như văn bản gốc viết.'],
    ['area', 'Lĩnh vực.'],
    ['unit', 'Đơn vị tính, hoặc null.'],
    ['status', 'vuot, dat, chua_dat hoặc chua_xac_dinh.'],
    ['status_label', 'Đánh giá bằng chữ.'],
    ['status_note', 'Ghi chú về đánh giá, hoặc null.'],
    ['named_as_key_indicator', 'true nếu văn bản nêu tên đây là chỉ tiêu chủ yếu.'],
    ['target_comparison', 'Câu so với chỉ tiêu, nguyên văn, hoặc null.'],
    ['baseline_comparison', 'Câu so với năm 2020, nguyên văn, hoặc null.'],
    ['source_sentence', 'Câu trong văn bản gốc, nguyên văn, hoặc null.'],
    ['note', 'Ghi chú về chỉ tiêu, hoặc null.'],
    ['section', 'Mục nội dung chứa câu trích (slug), hoặc null.'],
    ['adjusted', 'true nếu số liệu khác với khi văn bản gốc công bố.'],
    ['version', 'Số lần lưu của chỉ tiêu (1 là bản nhập).'],
    ['updated_at', 'Thời điểm lưu gần nhất (ISO 8601).'],
    ['path', 'Trang của chỉ tiêu trên cổng thông tin.'],
    ['history_path', 'Trang lịch sử thay đổi của chỉ tiêu.'],
    ['values', 'Các giá trị theo năm (xem bảng dưới).'],
  ],
  value: [
    ['role', 'actual (kết quả) hoặc target (chỉ tiêu đề ra).'],
    ['year', 'Năm.'],
    ['period_label', 'Kỳ như văn bản viết, hoặc null.'],
    ['value', 'Số thập phân chính xác dạng chuỗi ("6.20", "423700"): đọc bằng kiểu thập phân, đừng đổi sang số thực nếu cần giữ đúng chữ số.'],
    ['kind', 'reported, estimate hoặc derived (cùng nghĩa với cột value_kind của CSV).'],
    ['qualifier', 'Từ đi kèm giá trị, hoặc null.'],
    ['note', 'Ghi chú; với giá trị derived là cách tính.'],
  ],
  section: [
    ['slug', 'Mã mục.'],
    ['parent', 'Mã mục cha, hoặc null.'],
    ['position', 'Thứ tự đọc.'],
    ['depth', 'Cấp: 0 là mục lớn.'],
    ['title', 'Tiêu đề mục.'],
    ['heading', 'Tiêu đề trong văn bản gốc, nguyên văn, hoặc null.'],
    ['body_markdown', 'Nội dung mục, định dạng Markdown.'],
    ['version', 'Số lần lưu của mục.'],
    ['updated_at', 'Thời điểm lưu gần nhất.'],
    ['path', 'Trang của mục.'],
    ['history_path', 'Trang lịch sử thay đổi của mục.'],
  ],
  entity: [
    ['kind', 'project (dự án), resolution (nghị quyết) hoặc institution (cơ sở, đơn vị).'],
    ['slug', 'Mã.'],
    ['name', 'Tên đầy đủ.'],
    ['short_name', 'Tên ngắn.'],
    ['aliases', 'Các cách văn bản gọi tên (chuỗi nguyên văn).'],
    ['number', 'Số hiệu văn bản, hoặc null.'],
    ['issued_on', 'Ngày ban hành (YYYY-MM-DD), hoặc null.'],
    ['issuer', 'Cơ quan ban hành, hoặc null.'],
    ['subject', 'Trích yếu, hoặc null.'],
    ['path', 'Trang trên cổng thông tin.'],
  ],
} as const;

// ------------------------------------------------------------ CSV

type CsvRow = Record<CsvColumn, string>;

/** The CSV's columns, in order, with what each holds (shown on /du-lieu). Names never change within v1. */
export const CSV_COLUMNS = [
  ['report', 'Mã báo cáo (slug), ví dụ soc-trang-2020-2025.'],
  ['revision', 'Số phiên bản dữ liệu (r123 viết là 123): dùng làm asOf=r123 để lấy lại đúng bản này.'],
  ['indicator_code', 'Mã chỉ tiêu, cũng là đường dẫn /chi-tieu/<mã>.'],
  ['indicator_position', 'Thứ tự của chỉ tiêu trong bảng.'],
  ['indicator_name', 'Tên chỉ tiêu như văn bản gốc viết.'],
  ['area', 'Lĩnh vực.'],
  ['unit', 'Đơn vị tính (trống nếu văn bản không nêu).'],
  ['status', 'Đánh giá: vuot (vượt), dat (đạt), chua_dat (chưa đạt), chua_xac_dinh (văn bản không so với chỉ tiêu).'],
  ['status_label', 'Đánh giá bằng chữ: Vượt, Đạt, Chưa đạt, Chưa xác định.'],
  ['named_as_key_indicator', 'true nếu văn bản gốc nêu tên đây là một trong các chỉ tiêu chủ yếu.'],
  ['role', 'actual (kết quả) hoặc target (chỉ tiêu đề ra); trống nếu chỉ tiêu không có số liệu.'],
  ['year', 'Năm của giá trị.'],
  ['period_label', 'Kỳ như văn bản viết, ví dụ “đến thời điểm báo cáo”; trống nếu là cả năm.'],
  ['value', 'Giá trị: số thập phân chính xác, dấu chấm thập phân, không phân nhóm hàng nghìn, giữ nguyên số chữ số (6.20, 423700).'],
  ['value_kind', 'reported (số liệu báo cáo), estimate (ước tính), derived (cổng thông tin suy ra, xem value_note).'],
  ['qualifier', 'Từ đi kèm giá trị, ví dụ “trên”, “gần”.'],
  ['value_note', 'Ghi chú của giá trị; với giá trị derived là cách tính.'],
  ['target_comparison', 'Câu so với chỉ tiêu, nguyên văn.'],
  ['baseline_comparison', 'Câu so với năm 2020, nguyên văn.'],
  ['adjusted', 'true nếu số liệu đã được điều chỉnh so với văn bản gốc (xem lịch sử thay đổi).'],
  ['section', 'Mục nội dung chứa câu trích (slug), đường dẫn /muc/<slug>.'],
  ['status_note', 'Ghi chú về đánh giá.'],
  ['indicator_note', 'Ghi chú về chỉ tiêu.'],
  ['source_sentence', 'Câu trong văn bản gốc có số liệu này, nguyên văn.'],
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number][0];

/** Free-text columns: a leading = + - @ would make a spreadsheet run it as a formula. */
const TEXT_COLUMNS = new Set<CsvColumn>([
  'indicator_name',
  'area',
  'unit',
  'status_label',
  'period_label',
  'qualifier',
  'value_note',
  'target_comparison',
  'baseline_comparison',
  'status_note',
  'indicator_note',
  'source_sentence',
]);
const FORMULA_START = /^[=+\-@\t\r]/;

/** Guard a text cell against formula injection (OWASP): prefix a leading formula character with '. */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** What `guardCell` did, undone (for readers of the CSV and for tests). */
export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export function csvRows(src: Pick<OpenDataSource, 'report' | 'indicators' | 'revision'>): CsvRow[] {
  const rows: CsvRow[] = [];
  const str = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '' : String(v));
  for (const i of src.indicators) {
    const base = {
      report: src.report.slug,
      revision: str(src.revision.revisionId),
      indicator_code: i.code,
      indicator_position: str(i.position),
      indicator_name: i.name,
      area: i.area,
      unit: str(i.unit),
      status: i.status,
      status_label: statusLabel(i.status),
      named_as_key_indicator: str(i.namedAsKeyIndicator),
      target_comparison: str(i.targetComparison),
      baseline_comparison: str(i.baselineComparison),
      adjusted: str(i.adjusted),
      section: str(i.section?.slug),
      status_note: str(i.statusNote),
      indicator_note: str(i.note),
      source_sentence: str(i.sourceSentence),
    };
    const empty = { role: '', year: '', period_label: '', value: '', value_kind: '', qualifier: '', value_note: '' };
    const values = i.values.length
      ? i.values.map((v) => ({
          role: v.role,
          year: str(v.year),
          period_label: str(v.periodLabel),
          value: v.value,
          value_kind: v.kind,
          qualifier: str(v.qualifier),
          value_note: str(v.note),
        }))
      : [empty];
    for (const v of values) {
      const row = { ...base, ...v } as CsvRow;
      for (const c of TEXT_COLUMNS) row[c] = guardCell(row[c]);
      rows.push(row);
    }
  }
  return rows;
}

/** UTF-8 with a byte-order mark (so Excel reads the Vietnamese correctly), CRLF line ends, a header row. */
export function buildIndicatorsCsv(src: Pick<OpenDataSource, 'report' | 'indicators' | 'revision'>): string {
  return stringify(csvRows(src), {
    bom: true,
    header: true,
    columns: CSV_COLUMNS.map(([key]) => ({ key, header: key })),
    record_delimiter: 'windows',
  });
}

// ------------------------------------------------------------ HTTP caching

/** Scheme and host a reader used, from request headers (a proxy's forwarded ones first); null if unusable. */
export function originFromHeaders(h: Headers): string | null {
  const host = (h.get('x-forwarded-host') ?? h.get('host'))?.split(',')[0]?.trim();
  if (!host || !/^[a-z0-9.:[\]-]+$/i.test(host)) return null;
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}

export type Representation = 'report.json' | 'indicators.json' | 'indicators.csv' | 'changes.atom' | 'report.pdf';

/**
 * Strong ETag of one representation of one revision. `variant` covers anything
 * else the body depends on (the feed's absolute links depend on the host).
 */
export function etagFor({ slug, revisionId, representation, variant }: { slug: string; revisionId: number; representation: Representation; variant?: string }): string {
  const extra = variant ? `.${createHash('sha256').update(variant).digest('hex').slice(0, 10)}` : '';
  return `"${slug}.r${revisionId}.${representation}.${OPEN_DATA_FORMAT}${extra}"`;
}

/** HTTP-date of an ISO instant (second precision, as HTTP dates are). */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/**
 * Whether the client's cached copy is current (RFC 9110 §13.1): If-None-Match
 * (weak comparison, as for GET) wins; If-Modified-Since only when it is absent.
 */
export function isNotModified(headers: Headers, { etag, lastModified }: { etag: string; lastModified: string }): boolean {
  const inm = headers.get('if-none-match');
  if (inm !== null) {
    const bare = (t: string) => t.trim().replace(/^W\//, '');
    return inm.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
  }
  const ims = headers.get('if-modified-since');
  if (ims === null) return false;
  const since = Date.parse(ims);
  if (Number.isNaN(since)) return false;
  return Math.floor(new Date(lastModified).getTime() / 1000) * 1000 <= since;
}

export function cachingHeaders({ etag, lastModified, revisionId }: { etag: string; lastModified: string; revisionId: number }): Record<string, string> {
  return {
    ETag: etag,
    'Last-Modified': httpDate(lastModified),
    'Cache-Control': CACHE_CONTROL,
    'X-Report-Revision': `r${revisionId}`,
  };
}

/** A JSON error body `{ error }`, never cached. */
export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' } });
}

/**
 * The common path of every open-data GET: resolve `?asOf=`, answer 304 when the
 * client is current, otherwise render the body for that revision.
 */
export async function openDataResponse(
  request: Request,
  { slug, representation, contentType, variant, render, extraHeaders }: {
    slug: string;
    representation: Representation;
    contentType: string;
    variant?: string;
    render: (moment: Moment) => Promise<BodyInit | null>;
    extraHeaders?: (moment: Moment) => Record<string, string>;
  },
): Promise<Response> {
  const url = new URL(request.url);
  const resolved = await resolveRequestMoment({ slug, asOf: url.searchParams.get('asOf') });
  if (!resolved.ok) return jsonError(resolved.status, resolved.error);
  const { moment } = resolved;
  const etag = etagFor({ slug, revisionId: moment.revisionId, representation, variant });
  const headers = {
    ...cachingHeaders({ etag, lastModified: moment.createdAt, revisionId: moment.revisionId }),
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag, Last-Modified, X-Report-Revision',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders?.(moment),
  };
  if (isNotModified(request.headers, { etag, lastModified: moment.createdAt })) return new Response(null, { status: 304, headers });
  const body = await render(moment);
  if (body === null) return jsonError(404, `Không có báo cáo “${slug.slice(0, 80)}”. — No report with this slug.`);
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentType } });
}

// ------------------------------------------------------------ what a change changed

export type ChangeLine = { label: string; before: string; after: string };

const MAX_TEXT = 240;
const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

function numberText(value: string | null, unit: unknown): string {
  if (value === null) return '—';
  const u = typeof unit === 'string' && unit ? (unit.startsWith('%') ? unit : ` ${unit}`) : '';
  return `${formatDecimal(value)}${u}`;
}

/**
 * A change as short "label: old → new" lines: figures with their unit, the
 * status, and text fields (long ones as their changed words only).
 */
export function changeLines(change: Pick<PublicChange, 'itemType' | 'snapshot' | 'previousSnapshot'>): ChangeLine[] {
  const diff = diffSnapshots(change.itemType, change.previousSnapshot, change.snapshot);
  const unit = (change.snapshot ?? change.previousSnapshot)?.unit;
  const lines: ChangeLine[] = [];
  for (const v of diff.values) {
    const kind =
      v.kind.before !== v.kind.after
        ? ` (${v.kind.before ? kindLabels[v.kind.before] : '—'} → ${v.kind.after ? kindLabels[v.kind.after] : '—'})`
        : '';
    if (v.change.direction !== 'same' || kind) {
      lines.push({ label: `${v.label}${kind}`, before: numberText(v.change.before, unit), after: numberText(v.change.after, unit) });
    }
    for (const o of v.other) lines.push({ label: `${v.label} — ${o.label}`, before: clip(o.before ?? '—'), after: clip(o.after ?? '—') });
  }
  if (diff.status) lines.push({ label: 'Đánh giá', before: diff.status.before, after: diff.status.after });
  for (const f of diff.fields) {
    const long = (f.before?.length ?? 0) > MAX_TEXT || (f.after?.length ?? 0) > MAX_TEXT;
    if (!long) {
      lines.push({ label: f.label, before: f.before ?? '—', after: f.after ?? '—' });
      continue;
    }
    const removed = f.parts.filter((p) => p.type === 'removed').map((p) => p.text.trim()).filter(Boolean);
    const added = f.parts.filter((p) => p.type === 'added').map((p) => p.text.trim()).filter(Boolean);
    lines.push({
      label: `${f.label} (chỉ phần thay đổi)`,
      before: removed.length ? clip(removed.join(' … ')) : '—',
      after: added.length ? clip(added.join(' … ')) : '—',
    });
  }
  return lines;
}

// ------------------------------------------------------------ Atom feed

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

/** Where a reader follows a change: the item's public changelog. */
export function changelogPath(change: Pick<PublicChange, 'itemType' | 'itemKey' | 'id'>): string {
  if (change.itemType === 'indicator') return `/chi-tieu/${encodeURIComponent(change.itemKey)}/lich-su#r${change.id}`;
  if (change.itemType === 'section') return `/muc/${encodeURIComponent(change.itemKey)}/lich-su#r${change.id}`;
  return `/thay-doi#r${change.id}`;
}

/**
 * The page the change was made to, as it stood right after it, or right
 * before it (the item's previous revision); null where there is no such page.
 */
export function itemPagePath(change: Pick<PublicChange, 'itemType' | 'itemKey' | 'id' | 'previousRevisionId'>, when: 'before' | 'after'): string | null {
  const revision = when === 'after' ? change.id : change.previousRevisionId;
  if (revision === null) return null;
  const asOf = `?asOf=r${revision}`;
  if (change.itemType === 'indicator') return `/chi-tieu/${encodeURIComponent(change.itemKey)}${asOf}`;
  if (change.itemType === 'section') return `/muc/${encodeURIComponent(change.itemKey)}${asOf}`;
  if (change.itemType === 'report') return `/${asOf}`;
  return null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function buildChangeFeed({
  origin,
  reportSlug,
  reportTitle,
  updated,
  changes,
}: {
  /** Scheme and host the links point to, e.g. https://example.vn */
  origin: string;
  reportSlug: string;
  reportTitle: string;
  /** The newest revision's time: when the feed last changed. */
  updated: string;
  changes: PublicChange[];
}): string {
  const abs = (path: string) => `${origin}${path}`;
  const author = `<author><name>${xmlEscape(PORTAL_AUTHOR)}</name></author>`;
  const entries = changes.map((c) => {
    const reason = reasonKindLabels[c.reasonKind];
    const lines = changeLines(c);
    const before = c.previousSnapshot ? itemPagePath(c, 'before') : null;
    const after = c.action !== 'delete' ? itemPagePath(c, 'after') : null;
    const html = [
      `<p><strong>${escapeHtml(actionLabels[c.action])}</strong> · ${escapeHtml(reason)}: ${escapeHtml(c.reasonText)}</p>`,
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
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `  <id>urn:kqnk:${xmlEscape(reportSlug)}:changes</id>`,
    `  <title>${xmlEscape(`Thay đổi: ${reportTitle}`)}</title>`,
    `  <subtitle>${xmlEscape('Các thay đổi đã công bố sau khi nhập văn bản gốc: thời điểm, lý do, giá trị cũ → mới.')}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(abs('/thay-doi.atom'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(abs('/thay-doi'))}"/>`,
    `  ${author}`,
    `  <rights>${xmlEscape(LICENCE_NOTE)}</rights>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
